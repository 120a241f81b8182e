using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Lifecycle.Activities;
using Orchestrator.Persistence;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Grains;

namespace Orchestrator.Lifecycle.Inventory;

/// <summary>Signals that stock went up somewhere, so orders waiting for stock are checked again.</summary>
public sealed class StockArrivals
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public ChannelReader<bool> Reader => _signals.Reader;

    /// <summary>Several arrivals before the re-check runs make one re-check: it reads the stock as it then is.</summary>
    public void Signal() => _signals.Writer.TryWrite(true);
}

/// <summary>
/// On every stock arrival, resumes the orders waiting on <c>StockAvailable</c> one after the other in pay-time order,
/// so the buyer who paid first is checked (and, once reservations exist, served) first.
/// </summary>
public sealed partial class StockRecheckService(StockArrivals arrivals, IServiceScopeFactory scopes, IGrainFactory grains, ILogger<StockRecheckService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in arrivals.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RecheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRecheckFailed(logger, ex);
            }
        }
    }

    private async Task RecheckAsync(CancellationToken cancellationToken)
    {
        List<Guid> waiting;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            waiting = await db.WorkflowInstances.AsNoTracking()
                .Where(i => i.Status == WorkflowStatus.Suspended && i.WaitingFor == AwaitStockActivity.Bookmark)
                .Join(db.SalesOrders, i => i.SalesOrderId, o => o.Id, (i, o) => new { i.Id, PaidAt = o.PayTime ?? o.ReceivedAt, OrderId = o.Id })
                .OrderBy(x => x.PaidAt).ThenBy(x => x.OrderId)
                .Select(x => x.Id)
                .ToListAsync(cancellationToken);
        }

        var resumed = 0;
        foreach (var id in waiting)
        {
            var reply = await grains.Instance(id).ResumeAsync(AwaitStockActivity.Bookmark, null, null);
            resumed += reply.Kind == ReplyKind.Done ? 1 : 0;
        }

        LogRechecked(logger, waiting.Count, resumed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock arrived: {Waiting} orders waiting for stock re-checked in pay-time order ({Resumed} resumed)")]
    private static partial void LogRechecked(ILogger logger, int waiting, int resumed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-checking orders waiting for stock failed; the next arrival tries again")]
    private static partial void LogRecheckFailed(ILogger logger, Exception exception);
}
