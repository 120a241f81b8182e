using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Persistence;

namespace Orchestrator.Integrations.Runtime.StockSync;

/// <summary>
/// Every day at <see cref="StockSyncOptions.NightlyAt"/> local time, a full push of every synced item of every shop with
/// sync on: platforms change their own counts on every sale, so a nightly full set puts them back on ours.
/// </summary>
public sealed partial class NightlyStockSync(IServiceScopeFactory scopes, IOptions<StockSyncOptions> options, TimeProvider clock, ILogger<NightlyStockSync> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.NightlyAt))
        {
            return;
        }

        var at = TimeOnly.Parse(options.Value.NightlyAt, CultureInfo.InvariantCulture);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = NextRun(clock.GetUtcNow(), at, zone);
            try
            {
                await Task.Delay(next - clock.GetUtcNow(), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNightlyFailed(logger, ex);
            }
        }
    }

    /// <summary>The first <paramref name="at"/> in <paramref name="zone"/> strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var candidate = local.Date + at.ToTimeSpan();
        var next = new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
        return next > now ? next : new DateTimeOffset(candidate.AddDays(1), zone.GetUtcOffset(candidate.AddDays(1)));
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        List<long> shops;
        await using (var scope = scopes.CreateAsyncScope())
        {
            shops = await scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>().StockSyncSettings.AsNoTracking()
                .Where(s => s.IsEnabled).Select(s => s.ShopId).ToListAsync(cancellationToken);
        }

        var items = 0;
        foreach (var shop in shops)
        {
            await using var scope = scopes.CreateAsyncScope();
            items += (await scope.ServiceProvider.GetRequiredService<StockSyncPusher>().PushShopAsync(shop, cancellationToken)).Count;
        }

        LogNightlyDone(logger, shops.Count, items);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly stock sync: {Shops} shops, {Items} merchant codes")]
    private static partial void LogNightlyDone(ILogger logger, int shops, int items);

    [LoggerMessage(Level = LogLevel.Error, Message = "Nightly stock sync failed; items that failed stay pending and are retried")]
    private static partial void LogNightlyFailed(ILogger logger, Exception exception);
}
