using Orchestrator.Persistence;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.EntityFramework;

/// <summary>
/// The steps of one run, between two commits. The run commits once, with the instance row, when it waits, ends or
/// faults, and around an activity that calls out of the process. A crash before that commit loses the whole run, which
/// then runs again from its last commit with the same idempotency keys, as a lost step always did.
/// <para>
/// <b>Deferred</b> (the default, <c>Runtime:DeferStepWrites</c>): a step's changes stay in the run's context, on the
/// aggregate it tracks, and are written at the next commit. A step reads and evaluates holding no transaction, so on
/// SQLite the run holds the file's writer only while it writes: from the commit's start, or from an activity's own
/// SQL inside the run (a package's first save), to the commit. Stock counters wait for the commit too when asked
/// (<see cref="OrchestratorDbContext.StockAtCommit"/>). What cannot be done this way is undoing one step: when a step fails, or
/// the commit cannot be saved, with steps kept since the last commit, the grain undoes them all and runs them again
/// step by step (<see cref="MustReplay"/>, <see cref="RestartState"/>): DESIGN.md §6, contract point 3.
/// </para>
/// <para>
/// <b>Step by step</b>: each step is saved into the run's transaction (flushed), so the next step's queries see what it
/// did, and a savepoint marks where it ended. A step that fails is undone back to the savepoint of the step before it,
/// so the steps before it are kept and committed with its incident.
/// </para>
/// </summary>
internal sealed class RunTransaction : IInstanceRun
{
    private const string Savepoint = "step";

    private readonly OrchestratorDbContext _db;
    private readonly IInstanceAggregate? _aggregate;

    /// <summary>Deferred only: the state to run again from, as of the run's start or its last commit.</summary>
    private string? _restartState;

    /// <summary>Deferred only: steps done since the last commit, whose changes are only in the context.</summary>
    private int _keptSteps;

    /// <summary>The state after the last flushed step, to go back to when the next one cannot be saved.</summary>
    private string? _flushedState;

    /// <summary>After-commit actions of the flushed steps (kept when a later step is undone).</summary>
    private int _flushedAfterCommit;

    /// <summary>The journal entries of the steps since the last commit: nothing in a run reads them, so they are written at its commit, in one command.</summary>
    private readonly List<WorkflowJournalRecord> _journal = [];

    /// <summary>A run saving each step into its transaction.</summary>
    public RunTransaction(OrchestratorDbContext db, IInstanceAggregate? aggregate)
        : this(db, aggregate, restartState: null)
    {
    }

    /// <summary>
    /// A run whose steps are written at its commits; <paramref name="restartState"/> is the state it starts from,
    /// serialized. With <paramref name="stockAtCommit"/> its stock counters are written at the commits too
    /// (<see cref="OrchestratorDbContext.StockAtCommit"/>); a reservation that no longer fits then makes the run go again (<see cref="MustReplay"/>).
    /// </summary>
    public RunTransaction(OrchestratorDbContext db, IInstanceAggregate? aggregate, string? restartState, bool stockAtCommit = false)
    {
        _db = db;
        _aggregate = aggregate;
        _restartState = restartState;

        // A run saving each step writes stock when its step decides, so the step's save has it.
        db.StockAtCommit = restartState is not null && stockAtCommit ? new StockWrites() : null;

        // The run's own savepoints (or its replay) do what EF's savepoint around each save would.
        db.Database.AutoSavepointsEnabled = false;
    }

    public bool Deferred => _restartState is not null;

    /// <summary>Others' saves to the aggregate counted before the run read it (<see cref="AggregateWrites"/>), held with it.</summary>
    public long? WritesBefore { get; set; }

    /// <summary>
    /// Deferred, with steps kept since the last commit: a failure now cannot be undone step by step. The caller undoes
    /// the run back to its last commit (<see cref="AbandonAsync"/>) and runs it again from <see cref="RestartState"/>.
    /// So too with stock left for the commit (<see cref="OrchestratorDbContext.StockAtCommit"/>): a reservation that did not fit there is
    /// decided again, against the stock as it is then.
    /// </summary>
    public bool MustReplay => _keptSteps > 0 || _db.StockAtCommit is { IsEmpty: false };

    /// <summary>The state as of the run's start or its last commit, serialized (deferred runs only).</summary>
    public string RestartState => _restartState ?? throw new InvalidOperationException("Only a deferred run restarts.");

    /// <summary>Ends a step that neither waits nor commits: keeps it in the context (deferred) or saves it into the run's transaction.</summary>
    public async Task FlushAsync(Guid instanceId, InstanceState state, JournalEntry? entry, CancellationToken cancellationToken)
    {
        if (!Deferred)
        {
            await _db.BeginWorkAsync(cancellationToken);
            await _db.SaveChangesAsync(cancellationToken);
            InstanceCommit.KeepOnlyTheAggregate(_db, _aggregate);
            await _db.Database.CurrentTransaction!.CreateSavepointAsync(Savepoint, cancellationToken);
            _flushedState = InstanceRecords.WriteState(state);
            _flushedAfterCommit = _db.PendingAfterCommit;
        }
        else
        {
            _keptSteps++;
        }

        if (entry is not null)
        {
            _journal.Add(InstanceRecords.Journal(instanceId, entry));
        }
    }

    /// <summary>
    /// Undoes the step in flight: back to the last flushed step's savepoint, or the whole transaction when nothing was
    /// flushed. Returns the state as of that point, read from <paramref name="committed"/> when nothing was flushed.
    /// Not for a deferred run with kept steps (<see cref="MustReplay"/>): those are undone only together.
    /// </summary>
    public async Task<InstanceState> UndoStepAsync(WorkflowInstanceRecord committed, CancellationToken cancellationToken)
    {
        if (MustReplay)
        {
            throw new InvalidOperationException("The steps kept since the last commit are undone together (AbandonAsync), not one by one.");
        }

        _db.ChangeTracker.Clear();
        _db.StockAtCommit?.Clear();
        if (_flushedState is not null && _db.Database.CurrentTransaction is { } run)
        {
            await run.RollbackToSavepointAsync(Savepoint, cancellationToken);
            _db.ForgetAfterCommit(_flushedAfterCommit);
            return InstanceRecords.ReadState(committed, _flushedState);
        }

        _db.ForgetAfterCommit();
        _journal.Clear();
        await _db.RollbackWorkAsync(cancellationToken);

        return InstanceRecords.ReadState(committed);
    }

    /// <summary>Undoes everything since the last commit: the context's changes, its after-commit actions, its journal and its transaction.</summary>
    public async Task AbandonAsync(CancellationToken cancellationToken)
    {
        _db.ChangeTracker.Clear();
        _db.StockAtCommit?.Clear();
        _db.ForgetAfterCommit();
        _journal.Clear();
        _keptSteps = 0;
        _flushedState = null;
        _flushedAfterCommit = 0;
        await _db.RollbackWorkAsync(cancellationToken);
    }

    /// <summary>Commits the run so far with the instance row (see <see cref="InstanceCommit.CommitAsync"/>).</summary>
    public async Task<WorkflowInstanceRecord> CommitAsync(
        WorkflowInstanceRecord stored, InstanceState state, StepReport? report, DateTime now, CancellationToken cancellationToken)
    {
        var row = await InstanceCommit.CommitAsync(_db, stored, state, report, now, cancellationToken, _aggregate, _journal);
        _flushedState = null;
        _flushedAfterCommit = 0;
        _keptSteps = 0;
        _journal.Clear();
        if (Deferred)
        {
            _restartState = row.StateJson;
        }

        return row;
    }

    /// <summary>True when steps were kept or saved since the last commit and are not committed yet.</summary>
    public bool HasFlushedSteps => _flushedState is not null || _keptSteps > 0;

    public IInstanceRun StepByStep() => new RunTransaction(_db, _aggregate) { WritesBefore = WritesBefore };

    public HeldAggregate? Held(bool instanceDone) =>
        _aggregate is null || instanceDone || InstanceCommit.HeldAfterRun(_db, _aggregate) is not { } rows ? null : new HeldAggregate(rows, WritesBefore);
}
