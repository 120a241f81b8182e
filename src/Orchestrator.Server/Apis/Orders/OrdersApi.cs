using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Integrations.Runtime.Pull;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Intake;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Security;
using Serilog.Context;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>Order intake (the integration trigger) and reading orders back.</summary>
internal static class OrdersApi
{
    /// <summary>Newest first; the id is unique, so it alone is the key (the list and its export).</summary>
    internal static readonly Keyset<SalesOrder> NewestFirst = Keyset.ById<SalesOrder, long>("orders", o => o.Id, descending: true);

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        var intake = routes.MapGroup("/api/shops/{shopId:long}").WithTags("Order intake");
        intake.MapPost("/orders", Receive).Validate<OrderRequest>().ForIntake().RequireRateLimiting(IntakeRateLimiting.Policy);
        intake.MapPost("/orders:batch", ReceiveBatch).Validate<OrderBatchRequest>().ForIntake().RequireRateLimiting(IntakeRateLimiting.Policy);
        intake.MapPost("/orders:pull", Pull).ForOpsLeads();
        intake.MapGet("/orders/{platformOrderId}", GetByPlatformId).ForIntake();

        var orders = routes.MapGroup("/api/orders").WithTags("Orders");
        orders.MapGet("/", List).ForReaders();
        orders.MapGet("/counts", Counts).ForReaders();
        orders.MapGet("/export.csv", OrderExport.ExportAsync).ForReaders();
        routes.MapPost("/api/orders:set-aside", OrderSetAside.SetAsideAsync).Validate<SetAsideManyRequest>().WithTags("Orders").ForReviewers();
        routes.MapPost("/api/orders:print-data", OrderPrintData.ReadAsync).Validate<PrintDataRequest>().WithTags("Orders").ForReaders();
        orders.MapGet("/{orderId:long}", Get).WithName("GetOrder").ForReaders().ScopedToOrderReader();
        return routes;
    }

    private static async Task<IResult> Receive(long shopId, OrderRequest request, OrchestratorDbContext db, OrderIntake intake, CancellationToken ct)
    {
        using var _ = LogContext.PushProperty("ShopId", shopId);
        if (await ShopForIntake(db, shopId, ct) is not { } shop)
        {
            return await ShopProblem(db, shopId, ct);
        }

        var result = (await intake.ReceiveAsync(shop, [request.ToPlatformOrder()], ct))[0];
        var body = new IntakeResponse(result.Outcome, OrderResponse.From(result.Order));
        return result.Outcome == IntakeOutcome.Created
            ? Results.CreatedAtRoute("GetOrder", new { orderId = result.Order.Id }, body)
            : Results.Ok(body);
    }

    private static async Task<IResult> ReceiveBatch(long shopId, OrderBatchRequest request, OrchestratorDbContext db, OrderIntake intake, CancellationToken ct)
    {
        using var _ = LogContext.PushProperty("ShopId", shopId);
        if (await ShopForIntake(db, shopId, ct) is not { } shop)
        {
            return await ShopProblem(db, shopId, ct);
        }

        return Results.Ok(await ReceiveAsync(intake, shop, request.Orders!.Select(o => o.ToPlatformOrder()).ToList(), ct));
    }

    /// <summary>Pulls the orders the shop's platform changed in [since, until] (until defaults to now) and takes them in like a batch push.</summary>
    private static async Task<IResult> Pull(
        long shopId, DateTimeOffset since, DateTimeOffset? until, OrchestratorDbContext db, OrderPuller puller, TimeProvider clock, CancellationToken ct)
    {
        using var _ = LogContext.PushProperty("ShopId", shopId);
        if (await ShopForIntake(db, shopId, ct) is not { } shop)
        {
            return await ShopProblem(db, shopId, ct);
        }

        if (await puller.AdapterForAsync(shop, ct) is not { } platform)
        {
            return NotConnected(shop);
        }

        var pulled = await puller.PullAsync(platform, shop, since, until ?? clock.GetUtcNow(), ct);
        return Results.Ok(Summary(pulled.Taken, pulled.Refused));
    }

    internal static IResult NotConnected(Shop shop) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No platform connection",
            detail: $"Shop {shop.Id} has no platform connection: set Platforms:{shop.Code}:BaseUrl.", extensions: new Dictionary<string, object?> { ["shopId"] = shop.Id });

    private static async Task<BatchIntakeResponse> ReceiveAsync(OrderIntake intake, Shop shop, List<PlatformOrder> orders, CancellationToken ct) =>
        Summary(orders.Count == 0 ? [] : await intake.ReceiveAsync(shop, orders, ct), []);

    private static BatchIntakeResponse Summary(IReadOnlyList<IntakeResult> results, IReadOnlyList<RefusedTrade> refused)
    {
        var items = results
            .Select(r => new BatchIntakeItem(r.Order.PlatformOrderId, r.Order.Id, r.Outcome, r.Order.Status, r.Order.HasUnmappedSku, r.KeptCopy))
            .Concat(refused.Select(r => new BatchIntakeItem(r.PlatformOrderId, null, IntakeOutcome.Refused, null, null, Reason: r.Problem.ToString())))
            .ToList();
        var counts = Enum.GetValues<IntakeOutcome>().ToDictionary(o => o, o => items.Count(i => i.Outcome == o));
        return new BatchIntakeResponse(counts, items);
    }

    private static async Task<IResult> GetByPlatformId(long shopId, string platformOrderId, OrchestratorDbContext db, CancellationToken ct) =>
        await db.SalesOrders.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.ShopId == shopId && o.PlatformOrderId == platformOrderId, ct) is { } order
            ? Results.Ok(OrderResponse.From(order))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found",
                detail: $"Shop {shopId} has no order with platform order id '{platformOrderId}'.");

    private static async Task<IResult> Get(long orderId, OrchestratorDbContext db, CancellationToken ct) =>
        await db.SalesOrders.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == orderId, ct) is { } order
            ? Results.Ok(await OrderResponse.WithPackagesAsync(db, order, ct))
            : Problems.NotFound("Order", orderId);

    private static async Task<IResult> List(
        OrchestratorDbContext db, HttpContext http, [AsParameters] CursorPageQuery page, long? shopId, OrderStatus[]? status, OrderExceptionKind? exceptionKind,
        string? platformOrderId, string? q, bool? hasUnmappedSku, bool? hasPendingPlatformChange, CancellationToken ct)
    {
        if ((page.Problem() ?? OrderSearch.Problem(q)) is { } problem)
        {
            return problem;
        }

        var query = db.SalesOrders.AsNoTracking().AsSplitQuery().Matching(db, q)
            .Filtered(shopId, status, exceptionKind, platformOrderId, hasUnmappedSku, hasPendingPlatformChange).VisibleTo(http.User);
        return await query.ToPageAsync(page, NewestFirst, o => o, OrderResponse.From, ct);
    }

    /// <summary>Counts per status of the orders the list would show for the same shop and search, and of those out of stock; one GROUP BY on the status indexes.</summary>
    private static async Task<IResult> Counts(OrchestratorDbContext db, HttpContext http, long? shopId, string? q, CancellationToken ct)
    {
        if (OrderSearch.Problem(q) is { } problem)
        {
            return problem;
        }

        var query = db.SalesOrders.AsNoTracking().IgnoreAutoIncludes().Matching(db, q).VisibleTo(http.User);
        if (shopId is { } shop)
        {
            query = query.Where(o => o.ShopId == shop);
        }

        // One query: the out-of-stock tab (缺货) is a filtered count inside the same GROUP BY.
        var counted = await query.GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), OutOfStock = g.Count(o => o.ExceptionKind == OrderExceptionKind.OutOfStock) })
            .ToListAsync(ct);
        var outOfStock = counted.Where(c => c.Status == OrderStatus.Exception).Sum(c => c.OutOfStock);
        var statuses = Enum.GetValues<OrderStatus>().ToDictionary(s => s, s => counted.FirstOrDefault(c => c.Status == s)?.Count ?? 0);
        return Results.Ok(new OrderCountsResponse(statuses.Values.Sum(), statuses, outOfStock));
    }

    private static Task<Shop?> ShopForIntake(OrchestratorDbContext db, long shopId, CancellationToken ct) =>
        db.Shops.AsNoTracking().FirstOrDefaultAsync(s => s.Id == shopId && s.IsEnabled, ct);

    private static async Task<IResult> ShopProblem(OrchestratorDbContext db, long shopId, CancellationToken ct) =>
        await db.Shops.AnyAsync(s => s.Id == shopId, ct)
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Shop disabled",
                detail: $"Shop {shopId} is disabled and does not take orders. Enable it first.", extensions: new Dictionary<string, object?> { ["shopId"] = shopId })
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Shop not found",
                detail: $"No shop has id {shopId}; orders are pushed to /api/shops/{{shopId}}/orders of an existing shop.",
                extensions: new Dictionary<string, object?> { ["shopId"] = shopId });
}
