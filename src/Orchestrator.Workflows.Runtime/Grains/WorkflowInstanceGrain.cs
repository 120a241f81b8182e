using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Failures;
using Orchestrator.Persistence.GroupCommit;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Hosting;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Grains;

/// <summary>
/// Interprets one instance. State lives in the database, not in Orleans storage, so lists and filters can query it:
/// the grain loads the row on activation and saves every step, together with what the step's activity changed, in the
/// run's transaction (<see cref="RunTransaction"/>), committed when the run waits, ends or faults and around a call out.
/// Timers (Delay) are Orleans reminders, re-armed from the stored bookmarks whenever the grain activates.
/// When the database is down (or out of disk) the grain forgets what it held and tries again on a grain timer with
/// <see cref="OutageBackoff"/>, reloading the instance as committed, so it carries on by itself once the database is back.
/// </summary>
public sealed partial class WorkflowInstanceGrain(
    IServiceScopeFactory scopes,
    FlowchartInterpreter interpreter,
    DefinitionCache definitions,
    InstanceHandoff handoff,
    AggregateWrites writes,
    IOptions<RuntimeOptions> options,
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

    /// <summary>The instance's aggregate as its last run committed it (<see cref="IInstanceAggregate"/>), for the next run.</summary>
    private List<object>? _held;

    /// <summary>
    /// Others' saves to the held aggregate counted before the run that left it loaded or checked it (<see cref="AggregateWrites"/>):
    /// the same count at the next run means nobody else saved to it since.
    /// </summary>
    private long? _heldWrites;

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
            _heldWrites = null;
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

        // Steps save into the activities' own context: what a step changed (the order, a waybill row) commits with it.
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();

        // Its commits share the database's group commit where there is one (SQLite, PostgreSQL): many runs' steps, one commit.
        db.GroupCommit = scope.ServiceProvider.GetService<IGroupCommit>();
        var aggregate = scope.ServiceProvider.GetService<IInstanceAggregate>();

        // Its edited rows and leaf inserts are written by prepared statements, not EF's update pipeline (PreparedWrites).
        db.WritesDirectly = options.Value.PreparedWrites;
        var writesBefore = await AttachHeldAsync(db, aggregate);
        var run = options.Value.DeferStepWrites
            ? new RunTransaction(db, aggregate, InstanceStore.WriteState(_state), options.Value.StockAtCommit)
            : new RunTransaction(db, aggregate);
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
                _state = InstanceStore.ReadState(_record!, run.RestartState);
                run = new RunTransaction(db, aggregate);
                rejected = await RunStepsAsync(run, scope.ServiceProvider);
            }

            if (_answerWanted && rejected is null)
            {
                _answer = await AnswerAsync(scope.ServiceProvider);
            }

            _held = aggregate is null || _state!.IsDone ? null : InstanceStore.HeldAfterRun(db, aggregate);
            _heldWrites = _held is null ? null : writesBefore;
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
    private async Task<StimulusRejectedException?> RunStepsAsync(RunTransaction run, IServiceProvider services)
    {
        var rejected = await interpreter.RunAsync(_workflow!, _state!, Id, services, report => AfterStepAsync(run, report), CancellationToken.None);
        if (run.HasFlushedSteps)
        {
            await CommitRunAsync(run, null);
        }

        return rejected;
    }

    /// <summary>
    /// Hands the run the aggregate held since the instance's last run when it is still what the database has: known
    /// without asking when nobody else has saved to it since (<see cref="AggregateWrites"/>), otherwise by one version
    /// query instead of loading it; when it is not, the run's first step loads it. Taken either way: a run that fails
    /// on the way leaves nothing held. Returns others' saves to the aggregate counted before anything of it was read.
    /// </summary>
    private async Task<long?> AttachHeldAsync(OrchestratorDbContext db, IInstanceAggregate? aggregate)
    {
        var held = _held;
        var heldWrites = _heldWrites;
        _held = null;
        _heldWrites = null;
        if (aggregate is null || aggregate.KeyOf(_record!) is not { } key)
        {
            return null;
        }

        writes.Own(db, key);
        var count = writes.Count(key);
        if (held is null || (count is null || count != heldWrites) && !await aggregate.IsCurrentAsync(db, _record!, held, CancellationToken.None))
        {
            return count;
        }

        foreach (var row in held)
        {
            db.Entry(row).State = EntityState.Unchanged;
        }

        return count;
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
    private async Task AfterStepAsync(RunTransaction run, StepReport report)
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

    private async Task CommitRunAsync(RunTransaction run, StepReport? report)
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

    private async Task CommitInAsync(OrchestratorDbContext db, StepReport report) =>
        _record = await InstanceStore.CommitAsync(db, _record!, _state!, report, clock.GetUtcNow().UtcDateTime, CancellationToken.None);

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
            _held = [.. offered.Aggregate];
            return true;
        }

        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        var record = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == Id);
        if (record is null)
        {
            return false;
        }

        Loaded(record, await definitions.GetAsync(db, record.DefinitionRecordId, CancellationToken.None));
        return true;
    }

    private void Loaded(WorkflowInstanceRecord record, ExecutableWorkflow workflow)
    {
        _workflow = workflow;
        _state = InstanceStore.ReadState(record);
        _record = record;
        _held = null;
        _heldWrites = null;
    }

    private InstanceReply HeldReply(InstanceState state, InstanceHold hold) => new(ReplyKind.Held, state.Status,
        $"Instance {Id} is on hold since {hold.Since:u}: {hold.Reason}. Resolve that first.",
        OpenBookmarks: state.Bookmarks.Select(b => b.Name).ToList());

    private static string WhereItStands(InstanceState state) => state.Bookmarks.FirstOrDefault()?.ActivityId ?? state.Fault?.ActivityId ?? "-";

    private async Task ResolveIncidentsAsync(InstanceState state)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.WorkflowIncidents.Where(i => i.InstanceId == Id && i.ResolvedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ResolvedAt, now));
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
