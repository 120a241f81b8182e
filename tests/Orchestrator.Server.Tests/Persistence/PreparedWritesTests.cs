using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.Sqlite;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Server.Tests.Infrastructure;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Instances;
using static Orchestrator.Persistence.PostgreSql.PostgreSqlDatabase;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// A run's prepared writes (<c>PreparedWrites</c>, <see cref="OrchestratorDbContext.WritesDirectly"/>): edited rows and
/// added rows nothing refers to are written by statements of their own, with EF's concurrency check, conversions and
/// generated keys, and the rest (rows a save interceptor watches, rows others refer to, rows pointing at a row added in
/// the same save) still by EF's save. On SQLite and PostgreSQL.
/// </summary>
public sealed class PreparedWritesTests : IAsyncLifetime
{
    private readonly BothDatabases _databases = new("prepared");

    public static TheoryData<string> Databases => BothDatabases.Names;

    public Task InitializeAsync() => _databases.InitializeAsync();

    public async Task DisposeAsync() => await _databases.DisposeAsync();

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task A_named_rows_edits_are_written_by_its_own_statement_with_the_models_conversions_and_the_row_is_saved(string database)
    {
        var (options, activity, _) = await PrepareAsync(database);
        var (instanceId, orderId) = await SeedAsync(options);
        var log = new CommandLog();

        await using var db = Logged(options, log);
        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == instanceId);
        var order = await db.SalesOrders.SingleAsync(o => o.Id == orderId);
        var finished = new DateTime(2026, 12, 7, 3, 4, 5, DateTimeKind.Utc);
        instance.Status = WorkflowStatus.Finished;
        instance.FinishedAt = finished;
        instance.Revision++;
        order.Status = OrderStatus.Shipped;
        order.WeightKg = 1.25m;

        await db.BeginWorkAsync(CancellationToken.None);
        var commandsBefore = activity.Snapshot().Commands;
        log.Sent.Clear();
        var written = await db.SaveChangesAsync();
        await db.CommitWorkAsync(CancellationToken.None);

        // Two rows, two statements of the writer's own (one batch on PostgreSQL, as EF sends a save there), counted, and
        // EF's save had nothing left to do: it sent nothing.
        Assert.Equal(2, written);
        Assert.Equal(database == "postgres" ? 1 : 2, activity.Snapshot().Commands - commandsBefore);
        Assert.Empty(log.Sent);
        Assert.Equal(EntityState.Unchanged, db.Entry(instance).State);
        Assert.Equal(EntityState.Unchanged, db.Entry(order).State);
        Assert.Equal(2, order.Version);

        // Stored as EF would have stored them: enums as their names, times as UTC, decimals exact, versions moved.
        await using var read = new OrchestratorDbContext(options);
        var stored = await read.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
        var storedOrder = await read.SalesOrders.AsNoTracking().SingleAsync(o => o.Id == orderId);
        Assert.Equal(WorkflowStatus.Finished, stored.Status);
        Assert.Equal(finished, stored.FinishedAt);
        Assert.Equal(DateTimeKind.Utc, stored.FinishedAt!.Value.Kind);
        Assert.Equal(2, stored.Revision);
        Assert.Equal(OrderStatus.Shipped, storedOrder.Status);
        Assert.Equal(1.25m, storedOrder.WeightKg);
        Assert.Equal(2, storedOrder.Version);
        Assert.Equal(1L, await ScalarAsync(read, "SELECT COUNT(*) FROM \"WorkflowInstances\" WHERE \"Status\" = 'Finished'"));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task A_row_changed_since_it_was_read_fails_with_efs_concurrency_error_and_stays_unsaved(string database)
    {
        var (options, _, _) = await PrepareAsync(database);
        var (instanceId, orderId) = await SeedAsync(options);

        await using var db = new OrchestratorDbContext(options) { WritesDirectly = true };
        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == instanceId);
        var order = await db.SalesOrders.SingleAsync(o => o.Id == orderId);

        // Someone else saves the order meanwhile: its version moves.
        await using (var elsewhere = new OrchestratorDbContext(options))
        {
            var theirs = await elsewhere.SalesOrders.SingleAsync(o => o.Id == orderId);
            theirs.SellerMemo = "edited elsewhere";
            await elsewhere.SaveChangesAsync();
        }

        // The instance row is current and the order is not; on PostgreSQL both go in one batch.
        instance.CurrentActivityId = "ship";
        order.Status = OrderStatus.Shipped;
        await db.BeginWorkAsync(CancellationToken.None);
        var failure = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        await db.RollbackWorkAsync(CancellationToken.None);

        Assert.Contains($"Id {orderId} (Version 1)", failure.Message, StringComparison.Ordinal);
        Assert.Same(order, Assert.Single(failure.Entries).Entity);
        Assert.Equal(EntityState.Modified, db.Entry(order).State);
        await using var read = new OrchestratorDbContext(options);
        var stored = await read.SalesOrders.AsNoTracking().SingleAsync(o => o.Id == orderId);
        Assert.Equal("edited elsewhere", stored.SellerMemo);
        Assert.NotEqual(OrderStatus.Shipped, stored.Status);
        Assert.Null((await read.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId)).CurrentActivityId);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Rows_not_named_added_rows_and_edits_the_audit_trail_records_are_saved_by_ef_with_its_interceptors(string database)
    {
        var (options, _, actor) = await PrepareAsync(database);
        var (instanceId, orderId) = await SeedAsync(options);

        // A person's edit of an order's status is audited: it must not bypass the audit interceptor.
        actor.ActAs("reviewer", routine: false);
        var log = new CommandLog();
        await using var db = Logged(options, log);
        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == instanceId);
        var order = await db.SalesOrders.SingleAsync(o => o.Id == orderId);
        instance.CurrentActivityId = "pick";
        order.Status = OrderStatus.Picking;
        db.WorkflowIncidents.Add(new WorkflowIncidentRecord
        {
            InstanceId = instanceId,
            ActivityId = "x",
            ActivityType = "X",
            ExceptionType = "E",
            Message = "added",
            Details = "",
            Attempt = 1,
            OccurredAt = DateTime.UtcNow,
        });

        await db.BeginWorkAsync(CancellationToken.None);
        log.Sent.Clear();
        await db.SaveChangesAsync();
        await db.CommitWorkAsync(CancellationToken.None);

        // EF wrote the order (audited) and its audit entry; the instance row and the incident were the writer's.
        Assert.DoesNotContain(log.Sent, sql => sql.Contains("\"WorkflowInstances\"", StringComparison.Ordinal) || sql.Contains("\"WorkflowIncidents\"", StringComparison.Ordinal));
        Assert.Contains(log.Sent, sql => sql.Contains("UPDATE \"SalesOrders\"", StringComparison.Ordinal));
        Assert.Contains(log.Sent, sql => sql.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        await using var read = new OrchestratorDbContext(options);
        Assert.Equal("pick", (await read.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId)).CurrentActivityId);
        Assert.Equal(OrderStatus.Picking, (await read.SalesOrders.AsNoTracking().SingleAsync(o => o.Id == orderId)).Status);
        Assert.Equal(1, await read.WorkflowIncidents.CountAsync(i => i.InstanceId == instanceId));
        var audit = await read.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == AuditEntityTypes.SalesOrder);
        Assert.Equal("reviewer", audit.Actor);
        Assert.Contains("Picking", audit.Changes, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task An_added_row_nothing_refers_to_is_inserted_with_its_generated_key_and_one_pointing_at_a_row_added_alongside_is_efs(string database)
    {
        var (options, _, _) = await PrepareAsync(database);
        var (instanceId, orderId) = await SeedAsync(options);
        var log = new CommandLog();
        await using var db = Logged(options, log);

        var incident = Incident(instanceId, "direct");
        db.WorkflowIncidents.Add(incident);
        (await db.WorkflowInstances.SingleAsync(i => i.Id == instanceId)).CurrentActivityId = "faulted";
        await db.BeginWorkAsync(CancellationToken.None);
        log.Sent.Clear();
        Assert.Equal(2, await db.SaveChangesAsync());

        Assert.Empty(log.Sent);
        Assert.True(incident.Id > 0);
        Assert.Equal(EntityState.Unchanged, db.Entry(incident).State);
        Assert.Same(incident, await db.WorkflowIncidents.FindAsync(incident.Id));

        // A new instance (others refer to instances) and an incident pointing at it: EF inserts both, the instance first.
        var added = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
        added.Id = Guid.NewGuid();
        added.SalesOrderId = null;
        db.WorkflowInstances.Add(added);
        var second = Incident(added.Id, "after its instance");
        db.WorkflowIncidents.Add(second);
        log.Sent.Clear();
        await db.SaveChangesAsync();
        await db.CommitWorkAsync(CancellationToken.None);

        Assert.Contains(log.Sent, sql => sql.Contains("INSERT INTO \"WorkflowInstances\"", StringComparison.Ordinal));
        Assert.Contains(log.Sent, sql => sql.Contains("INSERT INTO \"WorkflowIncidents\"", StringComparison.Ordinal));
        await using var read = new OrchestratorDbContext(options);
        Assert.Equal(["direct", "after its instance"], await read.WorkflowIncidents.OrderBy(i => i.Id).Select(i => i.Message).ToListAsync());
        var stored = await read.WorkflowInstances.SingleAsync(i => i.Id == instanceId);
        Assert.Equal(orderId, stored.SalesOrderId);
        Assert.Equal("faulted", stored.CurrentActivityId);
    }

    [Fact]
    public async Task In_a_sqlite_group_commit_the_statements_of_many_saves_share_one_commit_and_each_row_is_written_once()
    {
        var (options, activity, _) = await PrepareAsync("sqlite");
        var (instanceId, _) = await SeedAsync(options);
        using var group = new SqliteGroupCommit(activity, TimeProvider.System);

        var revision = 1;
        for (var i = 0; i < 5; i++)
        {
            await using var db = new OrchestratorDbContext(options) { WritesDirectly = true, GroupCommit = group };
            var instance = await db.WorkflowInstances.SingleAsync(r => r.Id == instanceId);
            instance.CurrentActivityId = "step" + i;
            instance.Revision = ++revision;
            await db.BeginWorkAsync(CancellationToken.None);
            Assert.True(db.InGroup);
            Assert.Equal(1, await db.SaveChangesAsync());
            await db.CommitWorkAsync(CancellationToken.None);
        }

        await using var read = new OrchestratorDbContext(options);
        var stored = await read.WorkflowInstances.AsNoTracking().SingleAsync(r => r.Id == instanceId);
        Assert.Equal("step4", stored.CurrentActivityId);
        Assert.Equal(6, stored.Revision);
    }

    private async Task<(DbContextOptions<OrchestratorDbContext> Options, DatabaseActivity Activity, TestActor Actor)> PrepareAsync(string database)
    {
        var activity = new DatabaseActivity(TimeProvider.System);
        var actor = new TestActor();
        return (await _databases.MigratedAsync(database, activity, new AuditInterceptor(actor, TimeProvider.System)), activity, actor);
    }

    private static async Task<(Guid Instance, long Order)> SeedAsync(DbContextOptions<OrchestratorDbContext> options)
    {
        await using var db = new OrchestratorDbContext(options);
        var shop = await TestOrders.AddShopAsync(db, "prepared", "SHOP-P");
        var order = TestOrders.Allocated(shop.Id, "T-1", DateTime.UtcNow);
        db.SalesOrders.Add(order);
        await db.SaveChangesAsync();
        var instance = await TestInstances.AddAsync(db, "prepared", order.Id);
        return (instance.Id, order.Id);
    }

    /// <summary>A context that writes directly, with <paramref name="log"/> seeing every command EF sends.</summary>
    private static OrchestratorDbContext Logged(DbContextOptions<OrchestratorDbContext> options, CommandLog log) =>
        new(new DbContextOptionsBuilder<OrchestratorDbContext>(options).AddInterceptors(log).Options) { WritesDirectly = true };

    private static WorkflowIncidentRecord Incident(Guid instanceId, string message) => new()
    {
        InstanceId = instanceId,
        ActivityId = "x",
        ActivityType = "X",
        ExceptionType = "E",
        Message = message,
        Details = "",
        Attempt = 1,
        OccurredAt = DateTime.UtcNow,
    };

    private static async Task<long> ScalarAsync(OrchestratorDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
