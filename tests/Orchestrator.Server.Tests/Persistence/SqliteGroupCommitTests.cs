using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.Failures;
using Orchestrator.Persistence.GroupCommit;
using Orchestrator.Persistence.Sqlite;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// Group commit on SQLite (<see cref="SqliteGroupCommit"/>): writers queued behind each other share one transaction, each
/// under its own savepoint, and none returns before the group is committed.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    private readonly string _path = TempSqliteFile.NewPath("group");
    private readonly DatabaseActivity _activity = new(TimeProvider.System);
    private readonly SqliteGroupCommit _group;
    private readonly DbContextOptions<OrchestratorDbContext> _options;

    public SqliteGroupCommitTests()
    {
        // The tests hold members for a few hundred milliseconds: a group may stay open that long.
        _group = new SqliteGroupCommit(_activity, TimeProvider.System, maxDelay: TimeSpan.FromSeconds(30));
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = true, DefaultTimeout = 5 }.ToString();
        var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
        builder.UseOrchestratorSqlite(connectionString).AddInterceptors(_activity);
        _options = builder.Options;
        using var setup = new OrchestratorDbContext(_options);
        setup.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL; CREATE TABLE Marks (Id INTEGER PRIMARY KEY, Note TEXT NOT NULL);");
    }

    [Fact]
    public async Task A_writer_queued_behind_another_joins_its_group_sees_its_rows_and_both_return_after_one_commit()
    {
        await using var first = Member();
        await first.BeginWorkAsync(CancellationToken.None);
        await Insert(first, "first");

        await using var second = Member();
        var joined = second.BeginWorkAsync(CancellationToken.None);
        await Task.Delay(300);
        Assert.False(joined.IsCompleted, "The second writer joined while the first held the writer.");

        var commitsBefore = _activity.Snapshot().Commits;

        // The second is queued: the first's share stays in the open group, and its commit does not return yet.
        var firstDone = first.CommitWorkAsync(CancellationToken.None);
        await joined.WaitAsync(Soon);
        Assert.False(firstDone.IsCompleted, firstDone.Exception?.ToString() ?? "The first writer's commit returned before its group was committed.");
        Assert.Equal(0, await CommittedCount());

        // Inside the group the second sees the first's row.
        Assert.Equal(1L, await second.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM Marks").SingleAsync());
        await Insert(second, "second");
        await second.CommitWorkAsync(CancellationToken.None).WaitAsync(Soon);
        await firstDone.WaitAsync(Soon);

        Assert.Equal(2, await CommittedCount());
        Assert.Equal(1, _activity.Snapshot().Commits - commitsBefore);
        Assert.False(first.InGroup);

        // The contexts have their own connections back and work as any other.
        Assert.Equal(2L, await first.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM Marks").SingleAsync());
    }

    [Fact]
    public async Task A_member_that_rolls_back_takes_only_its_own_rows_with_it()
    {
        var (first, second, firstDone) = await GroupOfTwoAsync("kept");
        await using var firstContext = first;
        await using var secondContext = second;

        await Insert(second, "undone");
        await second.RollbackWorkAsync(CancellationToken.None);
        await firstDone.WaitAsync(Soon);

        Assert.Equal(["kept"], await CommittedNotes());
    }

    [Fact]
    public async Task A_writer_outside_the_group_commits_the_open_group_before_it_writes()
    {
        await using var member = Member();
        await member.BeginWorkAsync(CancellationToken.None);
        await Insert(member, "in the group");

        // A plain transaction of another context queues for the file: the member's share waits in the open group for it.
        await using var outsider = new OrchestratorDbContext(_options);
        var outside = outsider.Database.BeginTransactionAsync();
        await Task.Delay(300);
        var memberDone = member.CommitWorkAsync(CancellationToken.None);

        await using var transaction = await outside.WaitAsync(Soon);
        await memberDone.WaitAsync(Soon);
        Assert.Equal(["in the group"], await CommittedNotes());
        await outsider.Database.ExecuteSqlRawAsync("INSERT INTO Marks (Note) VALUES ('outside')");
        await transaction.CommitAsync();
        Assert.Equal(["in the group", "outside"], await CommittedNotes());
    }

    [Fact]
    public async Task When_SQLite_ends_the_groups_transaction_every_member_waiting_for_it_hears_a_temporary_failure_and_nothing_is_stored()
    {
        var (first, second, firstDone) = await GroupOfTwoAsync("lost");
        await using var firstContext = first;
        await using var secondContext = second;

        // What SQLite does by itself after an I/O error or a full disk: the whole transaction is gone.
        await second.Database.ExecuteSqlRawAsync("ROLLBACK");
        await second.RollbackWorkAsync(CancellationToken.None);

        var failure = await Assert.ThrowsAsync<GroupCommitFailedException>(() => firstDone.WaitAsync(Soon));
        Assert.True(DatabaseFailure.IsTemporary(failure));
        Assert.Empty(await CommittedNotes());

        // The next writer opens a new group.
        await using var next = Member();
        await next.BeginWorkAsync(CancellationToken.None).WaitAsync(Soon);
        await Insert(next, "after");
        await next.CommitWorkAsync(CancellationToken.None).WaitAsync(Soon);
        Assert.Equal(["after"], await CommittedNotes());
    }

    [Fact]
    public async Task A_context_disposed_with_its_share_open_rolls_it_back_and_lets_the_next_writer_in()
    {
        var abandoned = Member();
        await abandoned.BeginWorkAsync(CancellationToken.None);
        await Insert(abandoned, "abandoned");
        await abandoned.DisposeAsync();

        await using var next = Member();
        await next.BeginWorkAsync(CancellationToken.None).WaitAsync(Soon);
        await Insert(next, "next");
        await next.CommitWorkAsync(CancellationToken.None).WaitAsync(Soon);
        Assert.Equal(["next"], await CommittedNotes());
    }

    public void Dispose()
    {
        _group.Dispose();
        _activity.Dispose();
        TempSqliteFile.Delete(_path);
    }

    private OrchestratorDbContext Member() => new(_options) { GroupCommit = _group };

    /// <summary>
    /// A member that wrote <paramref name="firstNote"/> and committed its share while a second member was queued for the
    /// writer: the second has joined the open group, and the first's commit waits for the group.
    /// </summary>
    private async Task<(OrchestratorDbContext First, OrchestratorDbContext Second, Task FirstDone)> GroupOfTwoAsync(string firstNote)
    {
        var first = Member();
        await first.BeginWorkAsync(CancellationToken.None);
        await Insert(first, firstNote);
        var second = Member();
        var joined = second.BeginWorkAsync(CancellationToken.None);
        await Task.Delay(300);
        var firstDone = first.CommitWorkAsync(CancellationToken.None);
        await joined.WaitAsync(Soon);
        return (first, second, firstDone);
    }

    private static Task<int> Insert(OrchestratorDbContext db, string note) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO Marks (Note) VALUES ({note})");

    /// <summary>What another connection sees: only what is committed.</summary>
    private async Task<int> CommittedCount() => (await CommittedNotes()).Count;

    private async Task<List<string>> CommittedNotes()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Note FROM Marks ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync();
        var notes = new List<string>();
        while (await reader.ReadAsync())
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }
}
