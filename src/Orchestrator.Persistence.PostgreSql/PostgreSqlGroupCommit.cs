using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.GroupCommit;

namespace Orchestrator.Persistence.PostgreSql;

/// <summary>
/// Group commit on PostgreSQL (DESIGN.md §6; <see cref="GroupCommitWriter"/>): the runs of a burst share one transaction
/// on one connection instead of committing nine times per order each on its own. PostgreSQL takes concurrent writers, so
/// only the group's members queue at the gate (one per database per process); every other writer (the API's saves,
/// intake's retries, the stock sync) keeps its own connection and transaction, and waits only where it needs a row a group
/// holds, until that group commits (at most <see cref="GroupCommitWriter.DefaultMaxDelay"/> after it began while members
/// keep coming).
/// <list type="bullet">
/// <item>Members of one group never wait on each other's row locks: they share the transaction. A best-selling goods'
/// stock row was where every order queued.</item>
/// <item>Each member is a savepoint, so a subtransaction. PostgreSQL caches 64 subtransactions per backend; past that,
/// every other session's visibility checks read <c>pg_subtrans</c> from disk until the transaction ends. A group takes at
/// most 32 shares.</item>
/// </list>
/// </summary>
public sealed class PostgreSqlGroupCommit(DatabaseActivity? activity, TimeProvider clock, TimeSpan? maxDelay = null)
    : GroupCommitWriter(activity, clock, maxDelay)
{
    private readonly ConcurrentDictionary<string, GroupGate> _gates = new(StringComparer.Ordinal);

    protected override int MaxShares => 32;

    protected override string DatabaseName => "PostgreSQL";

    protected override GroupGate GateOf(DbConnection connection) =>
        _gates.GetOrAdd($"{connection.DataSource}/{connection.Database}", _ => new GroupGate());

    protected override bool IsOpen(DbConnection connection, DbTransaction transaction) =>
        connection.State == ConnectionState.Open && transaction.Connection is not null;
}
