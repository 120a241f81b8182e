namespace Orchestrator.Server.Apis.Waybills;

/// <summary>Cancel one waybill; <c>reissue</c> (default true) takes a replacement under a new key in the same call.</summary>
public sealed record WaybillCancelRequest(string? Reason, bool? Reissue);
