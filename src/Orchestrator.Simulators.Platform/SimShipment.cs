namespace Orchestrator.Simulators.Platform;

/// <summary>One accepted <c>taobao.logistics.offline.send</c>.</summary>
public sealed record SimShipment(long Tid, string OutSid, string CompanyCode, DateTimeOffset At);
