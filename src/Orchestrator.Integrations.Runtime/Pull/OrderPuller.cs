using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MasterData;
using Orchestrator.Integrations.Platforms;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Intake;

namespace Orchestrator.Integrations.Runtime.Pull;

/// <summary>The one pull path: the shop's platform adapter reads a window of changed orders, intake takes them like a batch push.</summary>
public sealed class OrderPuller(OrchestratorDbContext db, PlatformAdapters platforms, OrderIntake intake)
{
    /// <summary>The shop's adapter, or null when it has no platform connection.</summary>
    public async Task<IPlatformAdapter?> AdapterForAsync(Shop shop, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.AsNoTracking().Where(p => p.Id == shop.PlatformId).Select(p => p.Code).FirstAsync(cancellationToken);
        return platforms.For(shop.Code, platform);
    }

    /// <summary>Orders changed in [<paramref name="since"/>, <paramref name="until"/>], committed by intake when this returns.</summary>
    public async Task<IReadOnlyList<IntakeResult>> PullAsync(IPlatformAdapter platform, Shop shop, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var pulled = await platform.PullOrdersAsync(since, until, cancellationToken);
        return pulled.Count == 0 ? [] : await intake.ReceiveAsync(shop, pulled, cancellationToken);
    }
}
