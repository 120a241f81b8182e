using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Failures;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Hosting;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Grains;

/// <summary>
/// Interprets one instance. State lives in the database, not in Orleans storage, so lists and filters can query it:
/// the grain loads the row on activation and ends every step in the run (<see cref="IInstanceRun"/>, from the scope's
/// <see cref="IWorkflowInstanceStore"/>), which commits it with what the step's activity changed when the run waits,
/// ends or faults and around a call out.
/// Timers (Delay) are Orleans reminders, re-armed from the stored bookmarks whenever the grain activates.
/// When the database is down (or out of disk) the grain forgets what it held and tries again on a grain timer with
/// <see cref="OutageBackoff"/>, reloading the instance as committed, so it carries on by itself once the database is back.
/// </summary>
public sealed partial class WorkflowInstanceGrain(
    IServiceScopeFactory scopes,
    FlowchartInterpreter interpreter,
    DefinitionCache definitions,
    InstanceHandoff handoff,
    TimeProvider clock,
    ILogger<WorkflowInstanceGrain> logger) : Grain, IWorkflowInstanceGrain, IRemindable
{
    private const string TimerPrefix = "timer:";
    private readonly HashSet<string> _armed = new(StringComparer.Ordinal);
    private readonly OutageBackoff _backoff = new();
    private IGrainTimer? _outageRetry;
    private WorkflowInstanceRecord? _record;
    private InstanceState? _state;
    private ExecutableWorkflow? _workflow;
    private string? _person;

    /// <summary>Set by a resume: build the answer (<see cref="IResumeAnswer"/>) from the run before its services go.</summary>
    private bool _answerWanted;

    private string? _answer;

    /// <summary>The instance's aggregate as its last run committed it, for the next run (<see cref="HeldAggregate"/>).</summary>
    private HeldAggregate? _held;

    private Guid Id => this.GetPrimaryKey();

    public Task<InstanceReply> RunAsync() => WithInstanceAsync(_ => Task.FromResult<InstanceReply?>(null));

    public Task<InstanceReply> ResumeAsync(string bookmark, string? activityId, string? inputJson) => WithInstanceAsync(state =>
    {
        JsonNode? input;
        try
        {
            input = string.IsNullOrWhiteSpace(inputJson) ? null : JsonNode.Parse(inputJson);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Task.FromResult<InstanceReply?>(new InstanceReply(ReplyKind.Rejected, state.Status, $"The payload is not JSON: {ex.Message}", "payload"));
        }

        var refusal = Refusal(FlowchartInterpreter.Resume(state, bookmark, activityId, input), state, bookmark);
        _answerWanted = refusal is null;
        return Task.FromResult(refusal);
    });

    public Task<InstanceReply> RetryAsync() => WithInstanceAsync(async state =>
    {
        if (state.Hold is { } hold)
        {
            return HeldReply(state, hold);
        }

        if (!FlowchartInterpreter.Retry(state))
        {
            return new InstanceReply(ReplyKind.NotFaulted, state.Status, $"Instance {Id} is {state.Status}, not Faulted: there is nothing to retry.");
        }

        await ResolveIncidentsAsync(state);
        return null;
    });

    /// <summary>
    /// Loads the instance, lets <paramref name="prepare"/> change it (or refuse), runs it and re-arms timers. When the
    /// database fails on the way, nothing of this call was committed (or, if the commit's answer was lost, it was):
    /// the grain drops its copy, schedules a retry that reloads the row, and the caller gets the failure.
    /// </summary>
    private async Task<InstanceReply> WithInstanceAsync(Func<InstanceState, Task<InstanceReply?>> prepare)
    {
        _person = ActingPerson.Take();
        try
        {
            var reply = await WithLoadedInstanceAsync(prepare);
            if (_backoff.Failures > 0)
            {
                LogDatabaseBack(logger, Id, _backoff.Failures);
                _backoff.Reset();
            }

            return reply;
        }
        catch (Exception ex) when (DatabaseFailure.IsTemporary(ex))
        {
            _record = null;
            _state = null;
            _held = null;
            var delay = _backoff.Next();
            LogDatabaseDown(logger, ex, Id, delay.TotalSeconds);
            _outageRetry?.Dispose();
            _outageRetry = this.RegisterGrainTimer(RetryAfterOutageAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
            throw;
        }
        finally
        {
            _person = null;
            _answerWanted = false;
            _answer = null;
        }
    }

    /// <summary>
    /// Runs the instance from its stored state, as after a restart, and fires a timer that fell due meanwhile (its
    /// reminder would only tick again a minute later); a further failure schedules the next try.
    /// </summary>
    private async Task RetryAfterOutageAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WithInstanceAsync(state =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (state.Status == WorkflowStatus.Suspended && state.Bookmarks.FirstOrDefault(b => b.DueAt <= now) is { } due)
                {
                    return Task.FromResult(Refusal(FlowchartInterpreter.ResumeById(state, due.Id, null), state, due.Id));
                }

                return Task.FromResult<InstanceReply?>(null);
            });
        }
        catch (Exception ex) when (DatabaseFailure.IsTemporary(ex))
        {
            // Logged, and the next try scheduled, by WithInstanceAsync.
        }
    }

    private async Task<InstanceReply> WithLoadedInstanceAsync(Func<InstanceState, Task<InstanceReply?>> prepare)
    {
        if (!await LoadAsync())
        {
            return new InstanceReply(ReplyKind.NotFound, null, $"No workflow instance has id {Id}.");
        }

        // Every log line of this call carries the instance, order and shop (Serilog turns scope values into properties).
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["WorkflowInstanceId"] = Id,
            ["OrderId"] = _record!.SalesOrderId,
            ["ShopId"] = _record.ShopId,
        });
        var state = _state!;
        var refusal = await prepare(state);
        if (refusal is not null)
        {
            await SyncTimersAsync();
            return refusal;
        }

        var rejected = await RunLoadedAsync();
        await SyncTimersAsync();
        return rejected is not null
            ? new InstanceReply(ReplyKind.Rejected, _state!.Status, rejected.Message, rejected.Field)
            : new InstanceReply(ReplyKind.Done, _state!.Status, OpenBookmarks: _state.Bookmarks.Select(b => b.Name).ToList(), Answer: _answer);
    }

    private async Task<StimulusRejectedException?> RunLoadedAsync()
    {
        if (_state!.Status != WorkflowStatus.Running)
        {
            return null;
        }

        await using var scope = CreateScope();

        // Steps save into the scope the activities work in: what a step changed (the order, a waybill row) commits with it.
        var store = scope.ServiceProvider.GetRequiredService<IWorkflowInstanceStore>();
        var held = _held;
        _held = null;
        var run = await store.BeginRunAsync(_record!, _state, held, CancellationToken.None);
        try
        {
            StimulusRejectedException? rejected;
            try
            {
                rejected = await RunStepsAsync(run, scope.ServiceProvider);
            }
            catch (Exception ex) when (run.MustReplay && ex is not OperationCanceledException && !DatabaseFailure.IsTemporary(ex))
            {
                // Steps kept in memory since the last commit met a failure (a step faulted, or the commit could not be
                // saved): undo them all and run them again from that commit, saving each step, so that a failure that
                // stands is recorded at its own step with the steps before it kept, and one that does not (the order was
                // edited meanwhile) is simply gone. Nothing of them was acknowledged or sent out (a call out commits first).
                LogReplayed(logger, ex, Id);
                await run.AbandonAsync(CancellationToken.None);
                _state = InstanceRecords.ReadState(_record!, run.RestartState);
                run = run.StepByStep();
                rejected = await RunStepsAsync(run, scope.ServiceProvider);
            }

            if (_answerWanted && rejected is null)
            {
                _answer = await AnswerAsync(scope.ServiceProvider);
            }

            _held = run.Held(_state!.IsDone);
            return rejected;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !DatabaseFailure.IsTemporary(ex))
        {
            // A step could not be saved (e.g. the order was edited meanwhile): undo it, back to the run's last saved step,
            // and record the failure as an incident on its activity, which a retry runs again.
            LogCommitFailed(logger, ex, Id);
            try
            {
                _state = await run.UndoStepAsync(_record!, CancellationToken.None);
                await CommitRunAsync(run, interpreter.FaultNext(_workflow!, _state, ex));
            }
            catch
            {
                // Nothing of the run is committed: forget it, the next call reloads the row as committed.
                _record = null;
                _state = null;
                throw;
            }

            return null;
        }
    }

    /// <summary>Runs the loaded instance's steps until it waits, ends or faults, and commits what is left.</summary>
    private async Task<StimulusRejectedException?> RunStepsAsync(IInstanceRun run, IServiceProvider services)
    {
        var rejected = await interpreter.RunAsync(_workflow!, _state!, Id, services, report => AfterStepAsync(run, report), CancellationToken.None);
        if (run.HasFlushedSteps)
        {
            await CommitRunAsync(run, null);
        }

        return rejected;
    }

    /// <summary>
    /// The answer to a resume, built from the committed run (<see cref="IResumeAnswer"/>). The run is done and committed
    /// whatever happens here: a failure only means the caller reads the answer back itself.
    /// </summary>
    private async Task<string?> AnswerAsync(IServiceProvider runServices)
    {
        if (runServices.GetService<IResumeAnswer>() is not { } answer)
        {
            return null;
        }

        try
        {
            return await answer.DescribeAsync(runServices, _record!, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogAnswerFailed(logger, ex, Id);
            return null;
        }
    }

    /// <summary>
    /// After each step: commit when the instance waits, ends or faults, and before and after an activity that calls out;
    /// otherwise save the step into the run's transaction and go on.
    /// </summary>
    private async Task AfterStepAsync(IInstanceRun run, StepReport report)
    {
        if (report.Fault is { } failure)
        {
            if (DatabaseFailure.IsTemporary(failure) || run.MustReplay)
            {
                // The activity met the database down, not a problem of its own: no incident, the run goes again once it is
                // back. Or steps kept since the last commit cannot be told apart from the failed one's changes: the run
                // goes again from that commit, step by step (RunLoadedAsync).
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }

            // What the faulted step changed is not stored with its fault; the steps before it are.
            await run.UndoStepAsync(_record!, CancellationToken.None);
            await CommitRunAsync(run, report);
            return;
        }

        if (_state!.Status != WorkflowStatus.Running || interpreter.NextCallsOut(_workflow!, _state)
            || (report.Entry is { } entry && interpreter.CallsOut(entry.ActivityType)))
        {
            await CommitRunAsync(run, report);
            return;
        }

        await run.FlushAsync(Id, _state, report.Entry, CancellationToken.None);
    }

    private async Task CommitRunAsync(IInstanceRun run, StepReport? report)
    {
        _record = await run.CommitAsync(_record!, _state!, report, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        if (report?.Fault is { } fault)
        {
            LogFaulted(logger, fault, Id, _state!.Fault?.ActivityId);
        }
    }

    /// <summary>A scope whose saves name the person this call acts for, or the workflow's routine when none.</summary>
    private AsyncServiceScope CreateScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IAuditActor>().ActAs(_person ?? AuditActors.Workflow, routine: _person is null);
        return scope;
    }

    private async Task CommitInAsync(IWorkflowInstanceStore store, StepReport report) =>
        _record = await store.CommitAsync(_record!, _state!, report, clock.GetUtcNow().UtcDateTime, CancellationToken.None);

    /// <summary>
    /// The instance as committed: handed off by the code that just created it (<see cref="InstanceHandoff"/>), with its
    /// aggregate to hold for the first run, or read from the database.
    /// </summary>
    private async Task<bool> LoadAsync()
    {
        if (_record is not null)
        {
            return true;
        }

        if (handoff.Take(Id) is { } offered && definitions.TryGet(offered.Instance.DefinitionRecordId, out var known))
        {
            Loaded(offered.Instance, known);
            _held = new HeldAggregate([.. offered.Aggregate], Writes: null);
            return true;
        }

        await using var scope = CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IWorkflowInstanceStore>();
        var record = await store.FindAsync(Id, CancellationToken.None);
        if (record is null)
        {
            return false;
        }

        Loaded(record, await definitions.GetAsync(store, record.DefinitionRecordId, CancellationToken.None));
        return true;
    }

    private void Loaded(WorkflowInstanceRecord record, ExecutableWorkflow workflow)
    {
        _workflow = workflow;
        _state = InstanceRecords.ReadState(record);
        _record = record;
        _held = null;
    }

    private InstanceReply HeldReply(InstanceState state, InstanceHold hold) => new(ReplyKind.Held, state.Status,
        $"Instance {Id} is on hold since {hold.Since:u}: {hold.Reason}. Resolve that first.",
        OpenBookmarks: state.Bookmarks.Select(b => b.Name).ToList());

    private static string WhereItStands(InstanceState state) => state.Bookmarks.FirstOrDefault()?.ActivityId ?? state.Fault?.ActivityId ?? "-";

    private async Task ResolveIncidentsAsync(InstanceState state)
    {
        await using var scope = CreateScope();
        await scope.ServiceProvider.GetRequiredService<IWorkflowInstanceStore>()
            .ResolveIncidentsAsync(Id, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        LogRetry(logger, Id, state.Scheduled[0].ActivityId, state.Scheduled[0].Attempt);
    }

    private InstanceReply? Refusal(ResumeAttempt attempt, InstanceState state, string bookmark) => attempt switch
    {
        ResumeAttempt.Accepted => null,
        ResumeAttempt.NoSuchBookmark => new InstanceReply(ReplyKind.NoSuchBookmark, state.Status,
            state.Bookmarks.Count == 0
                ? $"Instance {Id} is not waiting on '{bookmark}': it waits on nothing (it is {state.Status})."
                : $"Instance {Id} is not waiting on '{bookmark}' (already resumed, or never there); it waits on {string.Join(", ", state.Bookmarks.Select(b => $"'{b.Name}'"))}.",
            OpenBookmarks: state.Bookmarks.Select(b => b.Name).ToList()),
        ResumeAttempt.NotActive => new InstanceReply(ReplyKind.NotActive, state.Status, $"Instance {Id} is {state.Status}."),
        ResumeAttempt.Faulted => new InstanceReply(ReplyKind.Faulted, state.Status,
            $"Instance {Id} is Faulted at '{state.Fault?.ActivityId}': retry its incident first."),
        ResumeAttempt.Held => HeldReply(state, state.Hold!),
        _ => throw new InvalidOperationException($"Unknown resume attempt {attempt}."),
    };
}
