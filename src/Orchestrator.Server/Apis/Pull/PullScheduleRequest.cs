namespace Orchestrator.Server.Apis.Pull;

/// <summary>A shop's pull schedule: <c>intervalMinutes</c> null or 0 turns it off; <c>cursor</c>, when given, is where the next pull starts.</summary>
public sealed record PullScheduleRequest(int? IntervalMinutes, DateTimeOffset? Cursor);
