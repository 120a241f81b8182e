using System.Data.Common;
using Microsoft.Data.Sqlite;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.GroupCommit;

namespace Orchestrator.Persistence.Sqlite;

/// <summary>
/// Group commit on SQLite (DESIGN.md §6; <see cref="GroupCommitWriter"/>). SQLite has one writer, and each commit writes
/// the pages it changed to the write-ahead log again: with every order's runs committing on their own, the instance row's
/// and the orders' index pages were written out once per commit (docs/decisions.md, fifth session). Here the writers of
/// a burst share one transaction instead. The gate is the file's one writer (<see cref="SqliteWriter"/>): a writer
/// outside the group (an API save, intake) commits the group when it gets the gate, since it needs the file's lock.
/// </summary>
public sealed class SqliteGroupCommit(DatabaseActivity? activity, TimeProvider clock, TimeSpan? maxDelay = null)
    : GroupCommitWriter(activity, clock, maxDelay)
{
    protected override int MaxShares => 64;

    protected override string DatabaseName => "SQLite";

    protected override GroupGate GateOf(DbConnection connection) => SqliteWriter.Of(connection);

    /// <summary>SQLite ends a transaction by itself on some errors (a full disk, an I/O error): then it is in autocommit again.</summary>
    protected override bool IsOpen(DbConnection connection, DbTransaction transaction) =>
        ((SqliteConnection)connection).Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;
}
