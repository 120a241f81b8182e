using System.Collections.Concurrent;
using System.Data.Common;
using Orchestrator.Persistence.GroupCommit;

namespace Orchestrator.Persistence.Sqlite;

/// <summary>
/// The write side of one SQLite file in this process: the gate every writer queues at (<see cref="SqliteWriteGate"/>) and
/// the group commit open on it, if any (<see cref="SqliteGroupCommit"/>). A group's transaction holds the file's write
/// lock until it commits, so a writer from outside the group commits it first, under the gate (<see cref="EnterAlone"/>).
/// </summary>
internal sealed class SqliteWriter : GroupGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriter> Files = new(StringComparer.Ordinal);

    public static SqliteWriter Of(DbConnection connection) =>
        Files.GetOrAdd(connection.DataSource ?? connection.ConnectionString, _ => new SqliteWriter());

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

    private static TimeoutException Timeout(string what) =>
        new($"No SQLite {what} could start in {MaxWait.TotalSeconds:F0} s: another write transaction has been open all that time.");
}
