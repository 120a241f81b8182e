using Microsoft.EntityFrameworkCore;
using Npgsql;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.Failures;
using Orchestrator.Persistence.GroupCommit;
using Orchestrator.Server.Tests.Infrastructure;
using static Orchestrator.Persistence.PostgreSql.PostgreSqlDatabase;
using PostgreSqlGroupCommit = Orchestrator.Persistence.PostgreSql.PostgreSqlGroupCommit;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// Group commit on PostgreSQL (<see cref="PostgreSqlGroupCommit"/>): members queued behind each other share one
/// transaction on one connection, each under its own savepoint, and none returns before the group is committed. Writers
/// outside the group keep their own connections and do not queue. On the real server.
/// </summary>
public sealed class PostgreSqlGroupCommitTests : IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    private readonly DatabaseActivity _activity = new(TimeProvider.System);

    // The tests hold members for a few hundred milliseconds: a group may stay open that long.
    private readonly PostgreSqlGroupCommit _group;
    private PostgreSqlDatabase? _database;
    private DbContextOptions<OrchestratorDbContext>? _options;

    public PostgreSqlGroupCommitTests()
    {
        _group = new PostgreSqlGroupCommit(_activity, TimeProvider.System, maxDelay: TimeSpan.FromSeconds(30));
    }

    public async Task InitializeAsync()
    {
        _database = await PostgreSqlDatabase.CreateAsync();
        if (_database is null)
        {
            return;
        }

        var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
        builder.UseOrchestratorPostgreSql(_database.ConnectionString).AddInterceptors(_activity);
        _options = builder.Options;
        await using var setup = new OrchestratorDbContext(_options);
        await setup.Database.ExecuteSqlRawAsync("CREATE TABLE marks (id serial PRIMARY KEY, note text NOT NULL UNIQUE)");
    }

    public async Task DisposeAsync()
    {
        _group.Dispose();
        _activity.Dispose();
        NpgsqlConnection.ClearAllPools();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_member_queued_behind_another_joins_its_group_sees_its_rows_and_both_return_after_one_commit()
    {
        var (first, second, firstDone) = await GroupOfTwoAsync("first");
        await using var firstContext = first;
        await using var secondContext = second;
        var commitsBefore = _activity.Snapshot().Commits;

        Assert.False(firstDone.IsCompleted, firstDone.Exception?.ToString() ?? "The first member's commit returned before its group was committed.");
        Assert.Empty(await CommittedNotesAsync());
        Assert.Equal(1L, await second.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM marks").SingleAsync());
        await InsertAsync(second, "second");
        await second.CommitWorkAsync(CancellationToken.None).WaitAsync(Soon);
        await firstDone.WaitAsync(Soon);

        Assert.Equal(["first", "second"], await CommittedNotesAsync());
        Assert.Equal(1, _activity.Snapshot().Commits - commitsBefore);
        Assert.Equal(2L, await first.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM marks").SingleAsync());
    }

    [SkippableFact]
    public async Task A_member_whose_statement_fails_goes_back_to_its_savepoint_and_the_group_commits_the_others()
    {
        var (first, second, firstDone) = await GroupOfTwoAsync("taken");
        await using var firstContext = first;
        await using var secondContext = second;

        // PostgreSQL refuses the duplicate and aborts the transaction until the member goes back to its savepoint.
        await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(second, "taken"));
        await second.RollbackWorkAsync(CancellationToken.None);
        await firstDone.WaitAsync(Soon);

        Assert.Equal(["taken"], await CommittedNotesAsync());
    }

    [SkippableFact]
    public async Task A_writer_outside_the_group_does_not_queue_for_it()
    {
        await using var member = Member();
        await member.BeginWorkAsync(CancellationToken.None);
        await InsertAsync(member, "in the group");

        // PostgreSQL takes concurrent writers: another context's own transaction commits while the group is open.
        await using var outsider = new OrchestratorDbContext(_options!);
        await using (var transaction = await outsider.Database.BeginTransactionAsync().WaitAsync(Soon))
        {
            await InsertAsync(outsider, "outside");
            await transaction.CommitAsync().WaitAsync(Soon);
        }

        Assert.Equal(["outside"], await CommittedNotesAsync());
        await member.CommitWorkAsync(CancellationToken.None).WaitAsync(Soon);
        Assert.Equal(["in the group", "outside"], await CommittedNotesAsync());
    }

    [SkippableFact]
    public async Task When_the_groups_connection_breaks_every_member_waiting_hears_a_temporary_failure_and_the_next_opens_a_new_group()
    {
        var (first, second, firstDone) = await GroupOfTwoAsync("lost");
        await using var firstContext = first;
        await using var secondContext = second;
        var backend = await second.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();

        await using (var admin = new OrchestratorDbContext(_options!))
        {
            await admin.Database.ExecuteSqlAsync($"SELECT pg_terminate_backend({backend})");
        }

        await Assert.ThrowsAnyAsync<Exception>(() => InsertAsync(second, "never"));
        await second.RollbackWorkAsync(CancellationToken.None);
        var failure = await Assert.ThrowsAsync<GroupCommitFailedException>(() => firstDone.WaitAsync(Soon));
        Assert.True(DatabaseFailure.IsTemporary(failure));
        Assert.Empty(await CommittedNotesAsync());

        await using var next = Member();
        await next.BeginWorkAsync(CancellationToken.None).WaitAsync(Soon);
        await InsertAsync(next, "after");
        await next.CommitWorkAsync(CancellationToken.None).WaitAsync(Soon);
        Assert.Equal(["after"], await CommittedNotesAsync());
    }

    private OrchestratorDbContext Member()
    {
        Skip.If(_options is null, PostgreSqlDatabase.SkipReason);
        return new OrchestratorDbContext(_options!) { GroupCommit = _group };
    }

    /// <summary>
    /// A member that wrote <paramref name="firstNote"/> and committed its share while a second member was queued for the
    /// gate: the second has joined the open group, and the first's commit waits for the group.
    /// </summary>
    private async Task<(OrchestratorDbContext First, OrchestratorDbContext Second, Task FirstDone)> GroupOfTwoAsync(string firstNote)
    {
        var first = Member();
        await first.BeginWorkAsync(CancellationToken.None);
        await InsertAsync(first, firstNote);
        var second = Member();
        var joined = second.BeginWorkAsync(CancellationToken.None);
        await Task.Delay(300);
        Assert.False(joined.IsCompleted, "The second member joined while the first held the gate.");
        var firstDone = first.CommitWorkAsync(CancellationToken.None);
        await joined.WaitAsync(Soon);
        return (first, second, firstDone);
    }

    private static Task<int> InsertAsync(OrchestratorDbContext db, string note) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO marks (note) VALUES ({note})");

    /// <summary>What another connection sees: only what is committed.</summary>
    private async Task<List<string>> CommittedNotesAsync()
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT note FROM marks ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var notes = new List<string>();
        while (await reader.ReadAsync())
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }
}
