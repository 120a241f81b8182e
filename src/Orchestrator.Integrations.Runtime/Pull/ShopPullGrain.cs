using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Integrations;

namespace Orchestrator.Integrations.Runtime.Pull;

/// <summary>
/// A shop's scheduled pull. The reminder only says "pull now"; the cursor and the outcome of every run live in
/// <c>ShopPullStates</c>, so a restart (or another silo) continues from where the last committed run left off.
/// </summary>
public sealed partial class ShopPullGrain(IServiceScopeFactory scopes, IOptions<PullOptions> options, TimeProvider clock, ILogger<ShopPullGrain> logger)
    : Grain, IShopPullGrain, IRemindable
{
    private const string ReminderName = "pull";

    private long ShopId => this.GetPrimaryKeyLong();

    public async Task ScheduleAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        var minutes = await db.ShopPullStates.AsNoTracking().Where(p => p.ShopId == ShopId).Select(p => p.IntervalMinutes).FirstOrDefaultAsync();
        if (minutes is > 0)
        {
            var period = TimeSpan.FromMinutes(minutes.Value);
            await this.RegisterOrUpdateReminder(ReminderName, period, period);
            LogScheduled(logger, ShopId, minutes.Value);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            await PullNowAsync();
        }
    }

    public async Task<PullRun> PullNowAsync()
    {
        var now = clock.GetUtcNow();
        ShopPullState state;
        Domain.MasterData.Shop? shop;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            shop = await db.Shops.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ShopId && s.IsEnabled);
            state = await db.ShopPullStates.AsNoTracking().FirstOrDefaultAsync(p => p.ShopId == ShopId) ?? new ShopPullState { ShopId = ShopId };
        }

        if (shop is null)
        {
            return new PullRun(PullRunKind.NoShop, Error: $"No enabled shop has id {ShopId}.");
        }

        var since = state.Cursor is { } cursor ? new DateTimeOffset(cursor, TimeSpan.Zero) : now - options.Value.InitialLookback;
        PullRun run;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Order changes a scheduled pull brings in are the platform's, named after the shop in the audit trail.
            scope.ServiceProvider.GetRequiredService<IAuditActor>().ActAs($"pull:{shop.Code}");
            var puller = scope.ServiceProvider.GetRequiredService<OrderPuller>();
            try
            {
                if (await puller.AdapterForAsync(shop, CancellationToken.None) is { } platform)
                {
                    var pulled = await puller.PullAsync(platform, shop, since, now, CancellationToken.None);
                    run = new PullRun(PullRunKind.Succeeded, since.UtcDateTime, now.UtcDateTime, pulled.OrdersTaken, OrdersRefused: pulled.Refused.Count);
                }
                else
                {
                    run = new PullRun(PullRunKind.NotConnected, since.UtcDateTime, now.UtcDateTime, Error: $"Shop {ShopId} has no platform connection: set Platforms:{shop.Code}:BaseUrl.");
                }
            }
            catch (Exception ex)
            {
                // Whatever went wrong (platform, network, timeout, database) is recorded and retried from the same cursor next tick.
                LogPullFailed(logger, ex, ShopId, since);
                run = new PullRun(PullRunKind.Failed, since.UtcDateTime, now.UtcDateTime, Error: ex.Message);
            }
        }

        await RecordAsync(run, since, now);
        return run;
    }

    /// <summary>Intake has committed (or failed) by now: only a success moves the cursor, to the window's end less the overlap.</summary>
    private async Task RecordAsync(PullRun run, DateTimeOffset since, DateTimeOffset until)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        var state = await db.ShopPullStates.FirstOrDefaultAsync(p => p.ShopId == ShopId);
        if (state is null)
        {
            state = new ShopPullState { ShopId = ShopId };
            db.ShopPullStates.Add(state);
        }

        state.LastRunAt = until.UtcDateTime;
        if (run.Kind == PullRunKind.Succeeded)
        {
            var next = until - options.Value.Overlap;
            next = new DateTimeOffset(next.Ticks - (next.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            state.Cursor = (next > since ? next : since).UtcDateTime;
            state.LastSuccessAt = until.UtcDateTime;
            state.LastError = null;
            state.ConsecutiveFailures = 0;
            state.LastOrdersTaken = run.OrdersTaken;
            state.TotalOrdersTaken += run.OrdersTaken;
            state.LastOrdersRefused = run.OrdersRefused;
            state.TotalOrdersRefused += run.OrdersRefused;
            LogPulled(logger, ShopId, run.OrdersTaken, run.OrdersRefused, since, until);
        }
        else
        {
            state.LastError = run.Error is { Length: > 2000 } error ? error[..2000] : run.Error;
            state.ConsecutiveFailures++;
        }

        await db.SaveChangesAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled pull of shop {ShopId} every {Minutes} minutes")]
    private static partial void LogScheduled(ILogger logger, long shopId, int minutes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulled {Orders} orders of shop {ShopId} changed in [{Since}, {Until}], refused {Refused}")]
    private static partial void LogPulled(ILogger logger, long shopId, int orders, int refused, DateTimeOffset since, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pull of shop {ShopId} from {Since} failed; the next run starts from the same cursor")]
    private static partial void LogPullFailed(ILogger logger, Exception exception, long shopId, DateTimeOffset since);
}
