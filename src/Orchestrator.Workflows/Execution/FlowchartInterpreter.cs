using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Execution.ControlFlow;

namespace Orchestrator.Workflows.Execution;

/// <summary>
/// Runs a flowchart one activity at a time over an <see cref="InstanceState"/>. It never stores anything itself: the
/// caller stores the state and the step's journal entry after every step (the runtime saves the steps of a run in one
/// transaction), so a crash loses at most the steps not yet committed, which then run again with the same idempotency keys.
/// </summary>
public sealed class FlowchartInterpreter(ActivityRegistry registry, TimeProvider clock)
{
    private const int MaxSummaryLength = 2000;

    /// <summary>A run that takes more steps than this without waiting is stopped as a fault.</summary>
    public int MaxStepsPerRun { get; init; } = 10_000;

    public static InstanceState Create(ExecutableWorkflow workflow, IReadOnlyDictionary<string, JsonNode?> input)
    {
        var state = new InstanceState();
        foreach (var variable in workflow.Definition.Variables)
        {
            state.Variables[variable.Name] = variable.Value is { } value ? JsonNode.Parse(value.GetRawText()) : null;
        }

        foreach (var (name, value) in input)
        {
            state.Variables[name] = value?.DeepClone();
        }

        state.Scheduled.Add(new ScheduledWork(workflow.StartActivityId));
        return state;
    }

    /// <summary>Runs until the instance waits, ends or faults, calling <paramref name="afterStep"/> after every step.</summary>
    /// <returns>The stimulus rejection, if the first step was a resume the activity refused.</returns>
    public async Task<StimulusRejectedException?> RunAsync(
        ExecutableWorkflow workflow, InstanceState state, Guid instanceId, IServiceProvider services,
        Func<StepReport, Task> afterStep, CancellationToken cancellationToken)
    {
        for (var steps = 0; ; steps++)
        {
            if (steps == MaxStepsPerRun)
            {
                var activityId = state.Scheduled.Count > 0 ? state.Scheduled[0].ActivityId : "?";
                var error = new InvalidOperationException($"The instance ran {MaxStepsPerRun} activities without waiting; it is stopped as a runaway loop.");
                await afterStep(Fault(workflow, state, state.Scheduled.Count > 0 ? state.Scheduled[0] : new ScheduledWork(activityId), error, Now, TimeSpan.Zero));
                return null;
            }

            var report = await StepAsync(workflow, state, instanceId, services, cancellationToken);
            if (report is null)
            {
                return null;
            }

            if (report.Rejected is not null)
            {
                return report.Rejected;
            }

            await afterStep(report);
        }
    }

    /// <summary>Runs the next scheduled work item; null when there is nothing to run.</summary>
    public async Task<StepReport?> StepAsync(
        ExecutableWorkflow workflow, InstanceState state, Guid instanceId, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (state.Status != WorkflowStatus.Running || state.Scheduled.Count == 0)
        {
            Settle(state);
            return null;
        }

        var work = state.Scheduled[0];
        var node = workflow.Node(work.ActivityId);
        var activity = registry.Get(node.Type);
        if (activity is JoinActivity && work.Resumed is null && !PassesJoin(workflow, state, node, work))
        {
            state.Scheduled.RemoveAt(0);
            Settle(state);
            return new StepReport(null);
        }

        var entry = EnterOnce(state, work);
        var context = new ActivityContext
        {
            InstanceId = instanceId,
            Node = node,
            From = work.From is { } from && work.Resumed is null ? workflow.Node(from) : null,
            Variables = state.Variables,
            Services = services,
            IdempotencyKey = $"{instanceId:N}:{node.Id}:{entry}",
            Stimulus = work.Resumed is { } bookmark ? new Stimulus(bookmark.Name, bookmark.Payload, work.Input) : null,
            Clock = clock,
            CancellationToken = cancellationToken,
        };

        var startedAt = Now;
        var watch = Stopwatch.StartNew();
        ActivityResult result;
        try
        {
            result = await activity.ExecuteAsync(context);
        }
        catch (StimulusRejectedException rejected) when (work.Resumed is not null)
        {
            // The caller sent something the activity cannot take: the wait stays exactly as it was.
            state.Scheduled.RemoveAt(0);
            state.Bookmarks.Add(work.Resumed);
            Settle(state);
            return new StepReport(null, Rejected: rejected);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Fault(workflow, state, work, ex, startedAt, watch.Elapsed);
        }

        state.Scheduled.RemoveAt(0);
        var inputs = Summary(work.Resumed is null ? JsonSerializer.SerializeToNode(node.Inputs, WorkflowJson.Options) : work.Input);
        JournalEntry journal;
        switch (result)
        {
            case ActivityResult.Outcome outcome:
                journal = new JournalEntry(++state.JournalSequence, node.Id, node.Type, JournalEvent.Completed, outcome.Port,
                    work.Resumed?.Name, startedAt, watch.Elapsed, inputs, Summary(outcome.Outputs), null);
                if (activity.Descriptor.EndsWorkflow)
                {
                    state.Status = WorkflowStatus.Finished;
                    state.Scheduled.Clear();
                    state.Bookmarks.Clear();
                }
                else
                {
                    foreach (var target in workflow.Targets(node.Id, outcome.Port))
                    {
                        state.Scheduled.Add(new ScheduledWork(target, From: node.Id));
                    }
                }

                break;
            case ActivityResult.Suspend suspend:
                journal = new JournalEntry(++state.JournalSequence, node.Id, node.Type, JournalEvent.Suspended, null,
                    suspend.Bookmark, startedAt, watch.Elapsed, inputs, Summary(suspend.Payload), null);
                state.Bookmarks.Add(new Bookmark($"{node.Id}:{entry}:{state.JournalSequence}", suspend.Bookmark, node.Id,
                    suspend.Payload, startedAt, suspend.DueAt));
                break;
            default:
                throw new InvalidOperationException($"Activity '{node.Type}' returned an unknown result {result.GetType().Name}.");
        }

        Settle(state);
        return new StepReport(journal);
    }

    /// <summary>True when the work first in line is an activity that calls out of the process (<see cref="Activities.ActivityDescriptor.CallsOut"/>).</summary>
    public bool NextCallsOut(ExecutableWorkflow workflow, InstanceState state) =>
        state.Status == WorkflowStatus.Running && state.Scheduled.Count > 0 && CallsOut(workflow.Node(state.Scheduled[0].ActivityId).Type);

    /// <summary>True when activities of this type call out of the process.</summary>
    public bool CallsOut(string activityType) => registry.Find(activityType)?.Descriptor.CallsOut == true;

    /// <summary>Hands a stimulus to the named bookmark (of <paramref name="activityId"/> when several wait by one name).</summary>
    public static ResumeAttempt Resume(InstanceState state, string bookmarkName, string? activityId, JsonNode? input) =>
        Open(state, state.Bookmarks.FirstOrDefault(b =>
            string.Equals(b.Name, bookmarkName, StringComparison.Ordinal) && (activityId is null || b.ActivityId == activityId)), input);

    public static ResumeAttempt ResumeById(InstanceState state, string bookmarkId, JsonNode? input) =>
        Open(state, state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId), input);

    /// <summary>Runs the faulted work again (same idempotency key, next attempt); never while held.</summary>
    public static bool Retry(InstanceState state)
    {
        if (state.Status != WorkflowStatus.Faulted || state.Scheduled.Count == 0 || state.Hold is not null)
        {
            return false;
        }

        state.Scheduled[0] = state.Scheduled[0] with { Attempt = state.Scheduled[0].Attempt + 1 };
        state.Fault = null;
        state.Status = WorkflowStatus.Running;
        return true;
    }

    /// <summary>
    /// Puts a waiting or faulted instance on hold where it stands; false when it has ended, is already held, or is
    /// mid-run (a run always ends at a wait, a fault or the end, so a caller holding through the grain never sees that).
    /// </summary>
    public static bool Hold(InstanceState state, string reason, DateTime now)
    {
        if (state.IsDone || state.Hold is not null || state.Status == WorkflowStatus.Running)
        {
            return false;
        }

        state.Hold = new InstanceHold(reason, now);
        return true;
    }

    /// <summary>Lifts the hold; the instance is again where it was held (waiting, or faulted for a retry).</summary>
    public static bool Release(InstanceState state)
    {
        if (state.Hold is null)
        {
            return false;
        }

        state.Hold = null;
        return true;
    }

    public static bool Cancel(InstanceState state)
    {
        if (state.IsDone)
        {
            return false;
        }

        state.Hold = null;

        state.Status = WorkflowStatus.Cancelled;
        state.Scheduled.Clear();
        state.Bookmarks.Clear();
        state.Fault = null;
        return true;
    }

    private static ResumeAttempt Open(InstanceState state, Bookmark? bookmark, JsonNode? input)
    {
        if (state.IsDone)
        {
            return ResumeAttempt.NotActive;
        }

        if (state.Status == WorkflowStatus.Faulted)
        {
            return ResumeAttempt.Faulted;
        }

        if (state.Hold is not null)
        {
            return ResumeAttempt.Held;
        }

        if (bookmark is null)
        {
            return ResumeAttempt.NoSuchBookmark;
        }

        state.Bookmarks.Remove(bookmark);
        state.Scheduled.Insert(0, new ScheduledWork(bookmark.ActivityId, Resumed: bookmark, Input: input?.DeepClone()));
        state.Status = WorkflowStatus.Running;
        return ResumeAttempt.Accepted;
    }

    /// <summary>Counts an entry into the activity, unless this is a resume or a retry of the same entry.</summary>
    private static int EnterOnce(InstanceState state, ScheduledWork work)
    {
        var entries = state.Entries.GetValueOrDefault(work.ActivityId);
        if (work.Resumed is not null || work.Attempt > 1)
        {
            return Math.Max(entries, 1);
        }

        state.Entries[work.ActivityId] = entries + 1;
        return entries + 1;
    }

    private static bool PassesJoin(ExecutableWorkflow workflow, InstanceState state, Definitions.ActivityNode node, ScheduledWork work)
    {
        if (!state.JoinArrivals.TryGetValue(node.Id, out var arrived))
        {
            state.JoinArrivals[node.Id] = arrived = [];
        }

        var from = work.From ?? "";
        if (arrived.Contains(from))
        {
            return false;
        }

        arrived.Add(from);
        var sources = workflow.Sources(node.Id);
        var allArrived = sources.All(arrived.Contains);
        if (JoinActivity.WaitsForAny(node))
        {
            if (allArrived)
            {
                arrived.Clear();
            }

            return arrived.Count == 1 || (allArrived && sources.Count == 1);
        }

        if (allArrived)
        {
            arrived.Clear();
            return true;
        }

        return false;
    }

    /// <summary>
    /// Faults the work first in line, for failures outside the activity (e.g. its step could not be committed): the
    /// caller restores the last persisted state and records this instead.
    /// </summary>
    public StepReport FaultNext(ExecutableWorkflow workflow, InstanceState state, Exception error) =>
        state.Scheduled.Count > 0
            ? Fault(workflow, state, state.Scheduled[0], error, Now, TimeSpan.Zero)
            : throw new InvalidOperationException("There is no scheduled work to fault.", error);

    private StepReport Fault(ExecutableWorkflow workflow, InstanceState state, ScheduledWork work, Exception error, DateTime startedAt, TimeSpan elapsed)
    {
        var node = workflow.Node(work.ActivityId);
        state.Status = WorkflowStatus.Faulted;
        state.Fault = new FaultInfo(node.Id, node.Type, error.GetType().FullName ?? error.GetType().Name, error.Message, work.Attempt, Now);
        var journal = new JournalEntry(++state.JournalSequence, node.Id, node.Type, JournalEvent.Faulted, null, work.Resumed?.Name,
            startedAt, elapsed, Summary(work.Resumed is null ? JsonSerializer.SerializeToNode(node.Inputs, WorkflowJson.Options) : work.Input),
            null, Truncate($"{error.GetType().Name}: {error.Message}"));
        return new StepReport(journal, Fault: error);
    }

    private static void Settle(InstanceState state)
    {
        if (state.Status == WorkflowStatus.Running && state.Scheduled.Count == 0)
        {
            state.Status = state.Bookmarks.Count > 0 ? WorkflowStatus.Suspended : WorkflowStatus.Finished;
        }
    }

    private static string? Summary(JsonNode? node) =>
        node is null || (node is JsonObject o && o.Count == 0) ? null : Truncate(node.ToJsonString(WorkflowJson.Options));

    private static string Truncate(string text) => text.Length <= MaxSummaryLength ? text : text[..(MaxSummaryLength - 1)] + "…";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
