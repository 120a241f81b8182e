using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Server.Apis.Orders;
using Orchestrator.Server.Apis.Packages;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Server.Apis;

/// <summary>
/// Answers a person's action on an order (pick, scan, weigh, review) from the run that handled it: the order its steps
/// kept tracked after the last commit (with its packages, when the run loaded them) and the committed instance row,
/// instead of reading the order, its lines, items, packages and instance back. Null (read it all back) when the run did
/// not keep the order, e.g. after a step that could not be saved.
/// </summary>
internal sealed class OrderResumeAnswer(IOptions<JsonOptions> json) : IResumeAnswer
{
    public async Task<string?> DescribeAsync(IServiceProvider runServices, WorkflowInstanceRecord committed, CancellationToken cancellationToken)
    {
        var db = runServices.GetRequiredService<OrchestratorDbContext>();
        if (committed.SalesOrderId is not { } orderId || db.Tracked<SalesOrder>(orderId) is not { } order)
        {
            return null;
        }

        // A run that loaded packages holds the order's whole set (OrderPackages.LoadAsync); one that did not reads them.
        var tracked = db.TrackedWhere<Package>(p => p.OrderId == orderId).OrderBy(p => p.Sequence).Select(PackageResponse.From).ToList();
        var packages = tracked.Count > 0 ? tracked : await OrderResponse.PackagesAsync(db, orderId, cancellationToken);
        return JsonSerializer.Serialize(OrderStimuli.Answer(OrderResponse.From(order), packages, committed), json.Value.SerializerOptions);
    }
}
