using Orchestrator.Domain.MasterData;

namespace Orchestrator.Simulators.Waybill;

/// <summary>
/// Faults for one provider's next requests: <c>fail</c> answers 500 to that many; <c>delay</c> holds that many back by
/// <c>delaySeconds</c> after the number is issued (a client timeout then retries a request the carrier already served).
/// </summary>
public sealed record FaultRequest(WaybillProviderKind Provider, int Fail = 0, int Delay = 0, double DelaySeconds = 0);
