namespace Orchestrator.Simulators.Platform;

/// <summary>One accepted <c>taobao.logistics.offline.send</c>; <c>SubTid</c> lists the order lines of one parcel of a split shipment.</summary>
public sealed record SimShipment(long Tid, string OutSid, string CompanyCode, DateTimeOffset At, string? SubTid = null);
