namespace Orchestrator.Persistence.GroupCommit;

/// <summary>
/// The gate a database's group-commit members queue at (one at a time works on the group's connection), and the group
/// open behind it, if any. On SQLite it is also the file's one writer (<c>SqliteWriter</c>), which writers outside the
/// group queue at too; on PostgreSQL only the group's members do.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One per database for the life of the process.")]
public class GroupGate
{
    /// <summary>How long a member waits for the gate before it gives up (a hint of a transaction left open).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _waiting;

    /// <summary>The group whose transaction is open; read and written only under the gate.</summary>
    public CommitGroup? Open { get; set; }

    /// <summary>Whether someone is queued for the gate now (the holder then leaves a group open for it to join or commit).</summary>
    public bool OthersWaiting => Volatile.Read(ref _waiting) > 0;

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

    public void Leave() => _gate.Release();
}
