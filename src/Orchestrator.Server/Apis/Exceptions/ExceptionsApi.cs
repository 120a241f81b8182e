using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Exceptions;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Intake;
using Orchestrator.Server.Apis.Audit;
using Orchestrator.Server.Security;
using Orchestrator.Workflows.Runtime.Grains;

namespace Orchestrator.Server.Apis.Exceptions;

/// <summary>
/// The exception queue (异常队列): any stage can set an order aside with a kind, and resolving the entry returns the
/// order to the stage it left. A person's entry holds the order's instance where it stands (no scan, timer or
/// retry gets through); an entry the workflow made (AwaitResolution, AwaitStock) is resolved by resuming that wait.
/// Several entries at once: <see cref="ExceptionBatch"/>.
/// </summary>
internal static class ExceptionsApi
{
    /// <summary>The kinds a person or an integration may raise; the workflow raises the others itself.</summary>
    public static readonly string[] RaisableKinds =
    [
        nameof(OrderExceptionKind.OutOfStock), nameof(OrderExceptionKind.RefundRequested), nameof(OrderExceptionKind.AddressProblem),
        nameof(OrderExceptionKind.UnmappedSku), nameof(OrderExceptionKind.PlatformError), nameof(OrderExceptionKind.Other),
    ];

    /// <summary>Oldest first, the entry id breaking ties (the list and its export).</summary>
    internal static readonly Keyset<ExceptionQueueRow> OldestFirst =
        Keyset.Of<ExceptionQueueRow, DateTime, long>("exceptions", r => r.Entry.RaisedAt, r => r.Entry.Id, descending: false);

    public static IEndpointRouteBuilder MapExceptionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/exceptions").WithTags("Exception queue");
        group.MapGet("/", List).ForReviewers();
        group.MapGet("/counts", Counts).ForReviewers();
        group.MapGet("/export.csv", ExceptionExport.ExportAsync).ForReviewers();
        group.MapGet("/{entryId:long}", Get).WithName("GetExceptionEntry").ForReviewers().ScopedToExceptionShop();
        group.MapPost("/{entryId:long}:resolve", Resolve).Validate<ResolveExceptionRequest>().ForReviewers().ScopedToExceptionShop();
        routes.MapPost("/api/exceptions:resolve", ExceptionBatch.ResolveAsync).Validate<ResolveManyRequest>().WithTags("Exception queue").ForReviewers();
        routes.MapPost("/api/exceptions:remap", Remap).Validate<RemapRequest>().WithTags("Exception queue").ForReviewers();
        routes.MapPost("/api/orders/{orderId:long}/exceptions", Raise).Validate<RaiseExceptionRequest>().WithTags("Exception queue").ForReviewers().ScopedToOrderShop();
        routes.MapGet("/api/orders/{orderId:long}/exceptions", History).WithTags("Exception queue").ForReaders();
        return routes;
    }

    private static async Task<IResult> List(
        HttpContext http, OrchestratorDbContext db, TimeProvider clock, [AsParameters] CursorPageQuery page, string? kind, long? shopId, string? state, CancellationToken ct)
    {
        if ((page.Problem() ?? ExceptionFilter.Problem(state, kind)) is { } problem)
        {
            return problem;
        }

        var entries = db.ExceptionQueue.AsNoTracking().VisibleTo(http.User, shopId).Filtered(state, kind);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await Rows(db, entries).ToPageAsync(page, OldestFirst, r => r, r => ExceptionQueueItem.From(r.Entry, r.PlatformOrderId, r.OrderStatus, now), ct);
        return result is IValueHttpResult { Value: Page<ExceptionQueueItem> items }
            ? Results.Ok(items with { Items = await WithWaitingCodesAsync(db, items.Items, ct) })
            : result;
    }

    /// <summary>The entries with the columns of their orders a row shows.</summary>
    internal static IQueryable<ExceptionQueueRow> Rows(OrchestratorDbContext db, IQueryable<ExceptionQueueEntry> entries) =>
        entries.Join(db.SalesOrders, e => e.OrderId, o => o.Id, (e, o) => new ExceptionQueueRow { Entry = e, PlatformOrderId = o.PlatformOrderId, OrderStatus = o.Status });

    /// <summary>
    /// Open and resolved entries, each by kind, of the entries the list shows for the same shop: the queue's tabs. One GROUP BY on
    /// the (ResolvedAt, Kind, ShopId) index; no join with the orders, since every entry has its order (a required foreign key).
    /// </summary>
    private static async Task<IResult> Counts(HttpContext http, OrchestratorDbContext db, long? shopId, CancellationToken ct)
    {
        var counted = await db.ExceptionQueue.AsNoTracking().VisibleTo(http.User, shopId)
            .GroupBy(e => new { Open = e.ResolvedAt == null, e.Kind })
            .Select(g => new { g.Key.Open, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        var kinds = Enum.GetValues<OrderExceptionKind>().Where(k => k != OrderExceptionKind.None).ToList();
        Dictionary<OrderExceptionKind, int> ByKind(bool open) =>
            kinds.ToDictionary(k => k, k => counted.Where(c => c.Open == open && c.Kind == k).Sum(c => c.Count));
        var (openKinds, resolvedKinds) = (ByKind(open: true), ByKind(open: false));
        return Results.Ok(new ExceptionCountsResponse(openKinds.Values.Sum(), resolvedKinds.Values.Sum(), openKinds, resolvedKinds));
    }

    /// <summary>Adds to the open UnmappedSku entries the codes their orders wait on that nothing maps yet (two queries for all of them).</summary>
    private static async Task<IReadOnlyList<ExceptionQueueItem>> WithWaitingCodesAsync(
        OrchestratorDbContext db, IReadOnlyList<ExceptionQueueItem> items, CancellationToken ct)
    {
        var waiting = items.Where(i => i.WaitsOnCodes).Select(i => i.OrderId).Distinct().ToList();
        if (waiting.Count == 0)
        {
            return items;
        }

        var codes = await UnmappedOrders.CodesAsync(db, waiting, ct);
        var catalog = await MerchantCodeCatalogs.LoadAsync(db, codes.Values.SelectMany(c => c), ct);
        return items.Select(i => i.WaitsOnCodes
            ? i with { WaitingOnCodes = catalog.Unmapped(codes.GetValueOrDefault(i.OrderId) ?? []) }
            : i).ToList();
    }

    private static async Task<IResult> Get(long entryId, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct) =>
        await ItemAsync(db, entryId, clock.GetUtcNow().UtcDateTime, ct) is { } item ? Results.Ok(item) : Problems.NotFound("Exception queue entry", entryId);

    private static async Task<IResult> History(long orderId, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.SalesOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct) is not { } order)
        {
            return Problems.NotFound("Order", orderId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entries = await db.ExceptionQueue.AsNoTracking().Where(e => e.OrderId == orderId).OrderBy(e => e.RaisedAt).ThenBy(e => e.Id).ToListAsync(ct);
        return Results.Ok(await WithWaitingCodesAsync(db, entries.Select(e => ExceptionQueueItem.From(e, order, now)).ToList(), ct));
    }

    internal static async Task<IResult> Raise(
        long orderId, RaiseExceptionRequest request, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, IAuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        using var acting = actor.ActFor(http.User.ActorName());
        var instanceId = await instances.FindAsync(db, orderId, ct);
        if (instanceId is null)
        {
            return Problems.NotFound("Order with a workflow", orderId);
        }

        if (await db.ExceptionQueue.AsNoTracking().FirstOrDefaultAsync(e => e.OrderId == orderId && e.ResolvedAt == null, ct) is { } open)
        {
            return AlreadyInQueue(orderId, open);
        }

        var kind = Enum.Parse<OrderExceptionKind>(request.Kind!, ignoreCase: true);
        var by = http.User.ActorName();
        var reason = $"{kind}: {request.Detail ?? "set aside"} ({by})";
        var reply = await grains.Instance(instanceId.Value)
            .HoldAsync(reason, ExceptionHolds.HoldDetails(kind, request.Detail, by).ToJsonString());
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                var entry = await db.ExceptionQueue.AsNoTracking().Where(e => e.OrderId == orderId && e.ResolvedAt == null).Select(e => e.Id).FirstAsync(ct);
                return Results.CreatedAtRoute("GetExceptionEntry", new { entryId = entry }, await ItemAsync(db, entry, clock.GetUtcNow().UtcDateTime, ct));
            case ReplyKind.Rejected:
                return await db.ExceptionQueue.AsNoTracking().FirstOrDefaultAsync(e => e.OrderId == orderId && e.ResolvedAt == null, ct) is { } raced
                    ? AlreadyInQueue(orderId, raced)
                    : Problems.Invalid(reply.Field ?? "kind", reply.Message ?? "Refused.");
            default:
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot set the order aside",
                    detail: $"Order {orderId}: {reply.Message}", extensions: new Dictionary<string, object?> { ["instanceStatus"] = reply.Status?.ToString() });
        }
    }

    internal static async Task<IResult> Resolve(
        long entryId, ResolveExceptionRequest request, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, IAuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        using var acting = actor.ActFor(http.User.ActorName());
        if (await db.ExceptionQueue.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct) is not { } entry)
        {
            return Problems.NotFound("Exception queue entry", entryId);
        }

        if (!entry.IsOpen)
        {
            return AlreadyResolved(entry);
        }

        var instanceId = await instances.RequiredAsync(db, entry.OrderId, ct);
        var grain = grains.Instance(instanceId);
        var by = http.User.ActorName();
        var details = ExceptionHolds.ReleaseDetails(by, request.Note);
        InstanceReply reply;
        if (request.CancelOrder)
        {
            reply = await grain.CancelAsync($"Exception {entryId} ({entry.Kind}) resolved by {by}: cancel the order. {request.Note}".Trim());
        }
        else if (entry.Source == ExceptionSource.Hold)
        {
            reply = await grain.ReleaseAsync(details.ToJsonString());
        }
        else
        {
            reply = await grain.ResumeAsync(entry.Bookmark ?? "Resolved", entry.Stage, details.ToJsonString());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (reply.Kind == ReplyKind.Done)
        {
            if (request.CancelOrder)
            {
                // The cancellation closed the entry; say who decided it.
                await db.ExceptionQueue.Where(e => e.Id == entryId && e.ResolvedBy == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(e => e.ResolvedBy, by).SetProperty(e => e.Resolution, $"Order cancelled. {request.Note}".Trim()), ct);
            }

            return Results.Ok(await ItemAsync(db, entryId, now, ct));
        }

        // Someone else resolved it meanwhile (the grain took their call first), or the order ended.
        var stored = await db.ExceptionQueue.AsNoTracking().FirstAsync(e => e.Id == entryId, ct);
        return stored.IsOpen
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot resolve", detail: $"Exception {entryId}: {reply.Message}",
                extensions: new Dictionary<string, object?> { ["instanceStatus"] = reply.Status?.ToString() })
            : AlreadyResolved(stored);
    }

    /// <summary>重新匹配 (see <see cref="UnmappedContinuation"/>): all waiting orders, or those of a shop or waiting on a code.</summary>
    private static async Task<IResult> Remap(
        RemapRequest request, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, IAuditActor actor, CancellationToken ct)
    {
        using var acting = actor.ActFor(http.User.ActorName());
        IEnumerable<UnmappedOrder> waiting = (await UnmappedOrders.WaitingAsync(db, http.User.ShopFilter()?.ToArray(), ct))
            .Where(o => request.ShopId is not { } shop || o.ShopId == shop);
        if (!string.IsNullOrWhiteSpace(request.MerchantCode))
        {
            waiting = waiting.WaitingOn(request.MerchantCode);
        }

        return Results.Ok(await UnmappedContinuation.ContinueAsync(db, instances, grains, http.User.ActorName(), waiting.ToList(), request.Note, ct));
    }

    private static async Task<ExceptionQueueItem?> ItemAsync(OrchestratorDbContext db, long entryId, DateTime now, CancellationToken ct)
    {
        var row = await db.ExceptionQueue.AsNoTracking().Where(e => e.Id == entryId)
            .Join(db.SalesOrders.AsNoTracking(), e => e.OrderId, o => o.Id, (e, o) => new { Entry = e, Order = o })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (await WithWaitingCodesAsync(db, [ExceptionQueueItem.From(row.Entry, row.Order, now)], ct))[0];
    }

    private static IResult AlreadyInQueue(long orderId, ExceptionQueueEntry open) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already in the exception queue",
            detail: $"Order {orderId} is already in the exception queue: entry {open.Id} ({open.Kind}) raised by {open.RaisedBy ?? "the workflow"} at {open.RaisedAt:u}.",
            extensions: new Dictionary<string, object?> { ["entryId"] = open.Id, ["kind"] = open.Kind.ToString() });

    private static IResult AlreadyResolved(ExceptionQueueEntry entry) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already resolved",
            detail: $"Exception {entry.Id} was already resolved by {entry.ResolvedBy ?? "the workflow"} at {entry.ResolvedAt:u}: {entry.Resolution}",
            extensions: new Dictionary<string, object?> { ["handledBy"] = entry.ResolvedBy, ["resolvedAt"] = entry.ResolvedAt });
}
