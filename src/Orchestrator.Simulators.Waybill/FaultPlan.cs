using Orchestrator.Domain.MasterData;

namespace Orchestrator.Simulators.Waybill;

/// <summary>The faults still to inject, per provider; each request takes one from the front (failures before delays).</summary>
public sealed partial class FaultPlan(ILogger<FaultPlan> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<WaybillProviderKind, FaultRequest> _pending = [];

    public void Set(FaultRequest request)
    {
        lock (_lock)
        {
            _pending[request.Provider] = request;
        }

        LogPlanned(logger, request.Provider, request.Fail, request.Delay, request.DelaySeconds);
    }

    public void Clear()
    {
        lock (_lock)
        {
            _pending.Clear();
        }
    }

    /// <summary>The fault for this request: fail it, hold it back for a while, or neither.</summary>
    public (bool Fail, TimeSpan Delay) Take(WaybillProviderKind provider)
    {
        lock (_lock)
        {
            if (!_pending.TryGetValue(provider, out var plan))
            {
                return (false, TimeSpan.Zero);
            }

            if (plan.Fail > 0)
            {
                _pending[provider] = plan with { Fail = plan.Fail - 1 };
                return (true, TimeSpan.Zero);
            }

            if (plan.Delay > 0)
            {
                _pending[provider] = plan with { Delay = plan.Delay - 1 };
                return (false, TimeSpan.FromSeconds(plan.DelaySeconds));
            }

            _pending.Remove(provider);
            return (false, TimeSpan.Zero);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider}: failing the next {Fail} requests, delaying the next {Delay} by {DelaySeconds} s")]
    private static partial void LogPlanned(ILogger logger, WaybillProviderKind provider, int fail, int delay, double delaySeconds);
}
