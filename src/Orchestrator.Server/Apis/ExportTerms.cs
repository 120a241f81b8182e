using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis;

/// <summary>
/// The Chinese the CSV exports write for statuses, kinds and sources (the designer's catalogue names them the same), so
/// a file opened in Excel reads like the screen it came from.
/// </summary>
internal static class ExportTerms
{
    private static readonly Dictionary<OrderStatus, string> Statuses = new()
    {
        [OrderStatus.AwaitingPayment] = "待付款",
        [OrderStatus.PendingReview] = "待审核",
        [OrderStatus.Blocked] = "审核拦截",
        [OrderStatus.Exception] = "异常",
        [OrderStatus.Allocated] = "已分仓",
        [OrderStatus.Picking] = "待拣货",
        [OrderStatus.Verified] = "已验货",
        [OrderStatus.Shipped] = "已发货",
        [OrderStatus.Cancelled] = "已取消",
    };

    private static readonly Dictionary<OrderExceptionKind, string> Kinds = new()
    {
        [OrderExceptionKind.None] = "",
        [OrderExceptionKind.UnmappedSku] = "商品未匹配",
        [OrderExceptionKind.OutOfStock] = "缺货",
        [OrderExceptionKind.NoWarehouse] = "无可用仓库",
        [OrderExceptionKind.RuleMatched] = "规则转异常",
        [OrderExceptionKind.RefundRequested] = "退款中",
        [OrderExceptionKind.AddressProblem] = "地址异常",
        [OrderExceptionKind.PlatformError] = "平台异常",
        [OrderExceptionKind.Other] = "其他",
    };

    public static string Of(OrderStatus status) => Statuses.GetValueOrDefault(status, status.ToString());

    public static string Of(OrderExceptionKind kind) => Kinds.GetValueOrDefault(kind, kind.ToString());

    public static string Of(ExceptionSource source) => source switch
    {
        ExceptionSource.Hold => "人工转异常",
        ExceptionSource.Workflow => "流程等待",
        _ => source.ToString(),
    };
}
