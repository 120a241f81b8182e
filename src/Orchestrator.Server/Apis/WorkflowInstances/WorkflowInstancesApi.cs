using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Server.Apis.Audit;
using Orchestrator.Server.Security;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Grains;

namespace Orchestrator.Server.Apis.WorkflowInstances;

/// <summary>Instances: list and filter, read with journal and incidents, resume a bookmark, cancel, retry.</summary>
internal static class WorkflowInstancesApi
{
    /// <summary>Newest first, the instance id breaking ties between instances created in the same tick.</summary>
    private static readonly Keyset<WorkflowInstanceRecord> NewestFirst =
        Keyset.Of<WorkflowInstanceRecord, DateTime, Guid>("instances", i => i.CreatedAt, i => i.Id, descending: true);

    public static IEndpointRouteBuilder MapWorkflowInstancesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workflow-instances").WithTags("Workflow instances");
        group.MapGet("/", List).ForReaders();
        group.MapGet("/{instanceId:guid}", Get).WithName("GetWorkflowInstance").ForReaders().ScopedToInstanceReader();
        group.MapPost("/{instanceId:guid}/bookmarks/{bookmark}:resume", Resume).Accepts<JsonObject>("application/json").ForOpsLeads();
        group.MapPost("/{instanceId:guid}:cancel", Cancel).ForOpsLeads();
        group.MapPost("/{instanceId:guid}:retry", Retry).ForOpsLeads();
        routes.MapGet("/api/orders/{orderId:long}/workflow", GetForOrder).WithTags("Workflow instances").ForReaders().ScopedToOrderReader();
        return routes;
    }

    private static async Task<IResult> List(
        OrchestratorDbContext db, HttpContext http, [AsParameters] CursorPageQuery page, long? shopId, WorkflowStatus? status, string? activityId, string? waitingFor,
        string? blockedReason, string? definitionId, long? orderId, CancellationToken ct)
    {
        if (page.Problem() is { } problem)
        {
            return problem;
        }

        var query = db.WorkflowInstances.AsNoTracking();
        if (!http.User.IsUnscoped())
        {
            // A reviewer sees their shops' instances, warehouse staff those of orders in their warehouses.
            var shops = http.User.AssignedShops().ToArray();
            var warehouses = http.User.AssignedWarehouses().ToArray();
            query = query.Where(i => shops.Contains(i.ShopId ?? 0) || (i.SalesOrder != null && warehouses.Contains(i.SalesOrder.WarehouseId ?? 0)));
        }

        if (shopId is { } shop)
        {
            query = query.Where(i => i.ShopId == shop);
        }

        if (status is { } s)
        {
            query = query.Where(i => i.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(activityId))
        {
            query = query.Where(i => i.CurrentActivityId == activityId);
        }

        if (!string.IsNullOrWhiteSpace(waitingFor))
        {
            query = query.Where(i => i.WaitingFor == waitingFor);
        }

        if (!string.IsNullOrWhiteSpace(blockedReason))
        {
            query = query.Where(i => i.BlockedReason != null && i.BlockedReason.Contains(blockedReason));
        }

        if (!string.IsNullOrWhiteSpace(definitionId))
        {
            query = query.Where(i => i.DefinitionId == definitionId);
        }

        if (orderId is { } order)
        {
            query = query.Where(i => i.SalesOrderId == order);
        }

        // A row is the summary's columns only: the instance's state JSON stays in the database.
        return await query.ToPageAsync(page, NewestFirst, i => new InstanceSummary(
            i.Id, i.DefinitionId, i.DefinitionVersion, i.SalesOrderId, i.ShopId, i.Status, i.CurrentActivityId, i.WaitingFor, i.BlockedReason,
            i.NextWakeAt, i.CreatedAt, i.UpdatedAt, i.FinishedAt), s => s, ct);
    }

    private static async Task<IResult> Get(Guid instanceId, OrchestratorDbContext db, CancellationToken ct) =>
        await DetailAsync(db, instanceId, ct) is { } detail ? Results.Ok(detail) : Problems.NotFound("Workflow instance", instanceId);

    private static async Task<IResult> GetForOrder(long orderId, OrchestratorDbContext db, OrderInstances instances, CancellationToken ct)
    {
        var id = await instances.FindAsync(db, orderId, ct);
        return id is { } found && await DetailAsync(db, found, ct) is { } detail
            ? Results.Ok(detail)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No workflow for this order",
                detail: $"Order {orderId} has no workflow instance (no such order, or it arrived shipped or closed).");
    }

    private static async Task<IResult> Resume(
        Guid instanceId, string bookmark, string? activityId, HttpRequest request, IGrainFactory grains, OrchestratorDbContext db, IAuditActor actor,
        CancellationToken ct)
    {
        string? payload = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            }
            catch (JsonException ex)
            {
                return Problems.Invalid("body", $"The stimulus payload is not valid JSON: {ex.Message}");
            }

            using var _ = document;
            if (document.RootElement.ValueKind is not JsonValueKind.Object and not JsonValueKind.Null)
            {
                return Problems.Invalid("body", "The stimulus payload must be a JSON object, e.g. { \"decision\": \"approve\" }.");
            }

            payload = document.RootElement.GetRawText();
        }

        // Any stimulus may be sent here (a review decision with edits too), so what it changes is a person's, unlike the floor endpoints' scans.
        using var acting = actor.ActFor(null);
        var reply = await grains.Instance(instanceId).ResumeAsync(bookmark, activityId, payload);
        return await AnswerAsync(reply, instanceId, db, ct);
    }

    private static async Task<IResult> Cancel(
        Guid instanceId, CancelRequest? request, IGrainFactory grains, OrchestratorDbContext db, IAuditActor actor, CancellationToken ct)
    {
        using var acting = actor.ActFor(null);
        return await AnswerAsync(await grains.Instance(instanceId).CancelAsync(request?.Reason), instanceId, db, ct);
    }

    private static async Task<IResult> Retry(Guid instanceId, IGrainFactory grains, OrchestratorDbContext db, IAuditActor actor, CancellationToken ct)
    {
        using var acting = actor.ActFor(null);
        return await AnswerAsync(await grains.Instance(instanceId).RetryAsync(), instanceId, db, ct);
    }

    private static async Task<IResult> AnswerAsync(InstanceReply reply, Guid instanceId, OrchestratorDbContext db, CancellationToken ct) => reply.Kind switch
    {
        ReplyKind.Done => Results.Ok(await DetailAsync(db, instanceId, ct)),
        ReplyKind.NotFound => Problems.NotFound("Workflow instance", instanceId),
        ReplyKind.Rejected => Problems.Invalid(reply.Field ?? "payload", reply.Message ?? "The stimulus was refused."),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Title(reply.Kind), detail: reply.Message,
            extensions: new Dictionary<string, object?> { ["instanceStatus"] = reply.Status?.ToString(), ["openBookmarks"] = reply.OpenBookmarks }),
    };

    private static string Title(ReplyKind kind) => kind switch
    {
        ReplyKind.NoSuchBookmark => "Not waiting on that bookmark",
        ReplyKind.NotActive => "Instance has ended",
        ReplyKind.Faulted => "Instance is faulted",
        ReplyKind.NotFaulted => "Nothing to retry",
        ReplyKind.Held => "Instance is on hold",
        ReplyKind.NotHeld => "Instance is not on hold",
        _ => kind.ToString(),
    };

    private static async Task<InstanceDetail?> DetailAsync(OrchestratorDbContext db, Guid instanceId, CancellationToken ct)
    {
        var record = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        if (record is null)
        {
            return null;
        }

        var journal = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync(ct);
        var incidents = await db.WorkflowIncidents.AsNoTracking().Where(i => i.InstanceId == instanceId).OrderBy(i => i.Id).ToListAsync(ct);
        return InstanceDetail.From(record, journal, incidents);
    }
}
