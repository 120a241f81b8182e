using System.Collections.Concurrent;
using System.Data.Common;

namespace Orchestrator.Persistence.Sqlite;

/// <summary>
/// The write side of one SQLite file in this process: the gate every writer queues at (<see cref="SqliteWriteGate"/>) and
/// the group commit open on it, if any (<see cref="SqliteGroupCommit"/>). A group's transaction holds the file's write
/// lock until it commits, so a writer from outside the group commits it first, under the gate (<see cref="EnterAlone"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One per database file for the life of the process, like the gates it replaced.")]
internal sealed class SqliteWriter
{
    private static readonly ConcurrentDictionary<string, SqliteWriter> Files = new(StringComparer.Ordinal);

    /// <summary>How long a writer waits for the gate before it gives up (a hint of a transaction left open).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _waiting;

    /// <summary>The group whose transaction is open on the file; read and written only under the gate.</summary>
    public SqliteGroup? Open { get; set; }

    /// <summary>Whether a writer is queued for the gate now (the holder then leaves a group open for it to join or commit).</summary>
    public bool OthersWaiting => Volatile.Read(ref _waiting) > 0;

    public static SqliteWriter Of(DbConnection connection) =>
        Files.GetOrAdd(connection.DataSource ?? connection.ConnectionString, _ => new SqliteWriter());

    /// <summary>Waits for the gate; false after <see cref="MaxWait"/>.</summary>
    public async ValueTask<bool> EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            return await _gate.WaitAsync(MaxWait, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <inheritdoc cref="EnterAsync"/>
    public bool Enter()
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            return _gate.Wait(MaxWait);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>For a writer outside any group: waits for the gate, then commits the open group, whose lock it needs.</summary>
    public async ValueTask EnterAloneAsync(string what, CancellationToken cancellationToken)
    {
        if (!await EnterAsync(cancellationToken))
        {
            throw Timeout(what);
        }

        Open?.Commit();
    }

    /// <inheritdoc cref="EnterAloneAsync"/>
    public void EnterAlone(string what)
    {
        if (!Enter())
        {
            throw Timeout(what);
        }

        Open?.Commit();
    }

    public void Leave() => _gate.Release();

    private static TimeoutException Timeout(string what) =>
        new($"No SQLite {what} could start in {MaxWait.TotalSeconds:F0} s: another write transaction has been open all that time.");
}
