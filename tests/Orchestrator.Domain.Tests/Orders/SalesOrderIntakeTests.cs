using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Tests.Orders;

public class SalesOrderIntakeTests
{
    private static readonly DateTime Now = new(2026, 11, 11, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Shop Shop = new() { Id = 7, Code = "tb", Name = "淘宝店", DefaultWarehouseId = 3, DefaultLogisticsCompanyId = 4, DefaultEmployee = "客服A" };

    private static readonly MerchantCodeCatalog Catalog = new(
        [new Goods { Id = 1, MerchantCode = "TEA-01", Name = "龙井" }, new Goods { Id = 2, MerchantCode = "CUP-01", Name = "茶杯" }],
        [new Combo { Id = 10, Code = "SET-01", Name = "套装", Items = [new ComboItem { GoodsId = 1, Quantity = 1 }, new ComboItem { GoodsId = 2, Quantity = 2 }] }]);

    [Fact]
    public void New_paid_order_waits_for_review_with_the_shop_defaults()
    {
        var order = SalesOrder.Create(Shop, OrderBuilder.Paid(), Catalog, Now);

        Assert.Equal(OrderStatus.PendingReview, order.Status);
        Assert.Equal((7L, 3L, 4L, "客服A"), (order.ShopId, order.WarehouseId!.Value, order.LogisticsCompanyId!.Value, order.Employee));
        Assert.False(order.HasUnmappedSku);
    }

    [Fact]
    public void Combo_lines_expand_to_their_goods_times_the_line_quantity()
    {
        var order = SalesOrder.Create(Shop, OrderBuilder.Paid("t1", ("SET-01", 3)), Catalog, Now);

        var line = Assert.Single(order.Lines);
        Assert.Equal(LineMappingKind.Combo, line.Mapping);
        Assert.Equal([(1L, 3), (2L, 6)], line.Items.Select(i => (i.GoodsId, i.Quantity)));
    }

    [Fact]
    public void Unmapped_code_keeps_the_order_in_the_exception_queue_naming_the_code()
    {
        var order = SalesOrder.Create(Shop, OrderBuilder.Paid("t1", ("TEA-01", 1), ("GHOST-9", 2)), Catalog, Now);

        Assert.Equal(OrderStatus.Exception, order.Status);
        Assert.Equal(OrderExceptionKind.UnmappedSku, order.ExceptionKind);
        Assert.True(order.HasUnmappedSku);
        Assert.Contains("GHOST-9", order.ExceptionDetail, StringComparison.Ordinal);
        Assert.Equal(2, order.Lines.Count);
        Assert.Empty(order.Lines[1].Items);
    }

    [Fact]
    public void Identical_repeat_push_changes_nothing()
    {
        var order = SalesOrder.Create(Shop, OrderBuilder.Paid(), Catalog, Now);

        Assert.Equal(IntakeOutcome.Unchanged, order.Receive(OrderBuilder.Paid(), Catalog, Now.AddMinutes(1)));
        Assert.Equal(Now, order.UpdatedAt);
    }

    [Fact]
    public void Changed_push_before_review_is_applied_and_remapped()
    {
        var order = SalesOrder.Create(Shop, OrderBuilder.Paid("t1", ("GHOST-9", 1)), Catalog, Now);
        var fixedCode = OrderBuilder.Paid("t1", ("TEA-01", 1)) with { ModifiedAt = Now, ReceiverAddress = "新地址 1号" };

        Assert.Equal(IntakeOutcome.Updated, order.Receive(fixedCode, Catalog, Now));
        Assert.Equal(OrderStatus.PendingReview, order.Status);
        Assert.Equal(OrderExceptionKind.None, order.ExceptionKind);
        Assert.Equal("新地址 1号", order.ReceiverAddress);
    }

    [Fact]
    public void Changed_push_after_review_is_flagged_and_not_applied()
    {
        var order = SalesOrder.Create(Shop, OrderBuilder.Paid(), Catalog, Now);
        order.Status = OrderStatus.Picking;
        var moved = OrderBuilder.Paid() with { ModifiedAt = Now, ReceiverAddress = "改后的地址" };

        Assert.Equal(IntakeOutcome.FlaggedAfterReview, order.Receive(moved, Catalog, Now));
        Assert.Equal("文三路90号", order.ReceiverAddress);
        Assert.Equal(OrderStatus.Picking, order.Status);
        Assert.Contains("改后的地址", order.PendingPlatformChange, StringComparison.Ordinal);
    }

    [Fact]
    public void Older_push_than_the_stored_one_is_stale()
    {
        var order = SalesOrder.Create(Shop, OrderBuilder.Paid() with { ModifiedAt = Now }, Catalog, Now);
        var older = OrderBuilder.Paid() with { ModifiedAt = Now.AddMinutes(-5), ReceiverAddress = "旧地址" };

        Assert.Equal(IntakeOutcome.Stale, order.Receive(older, Catalog, Now));
        Assert.Equal("文三路90号", order.ReceiverAddress);
    }

    [Theory]
    [InlineData("WAIT_BUYER_PAY", OrderStatus.AwaitingPayment)]
    [InlineData("TRADE_CLOSED", OrderStatus.Cancelled)]
    [InlineData("Unshipped", OrderStatus.PendingReview)]
    [InlineData("WAIT_SELLER_STOCK_OUT", OrderStatus.PendingReview)]
    public void Platform_status_decides_where_a_new_order_starts(string platformStatus, OrderStatus expected)
    {
        var order = SalesOrder.Create(Shop, OrderBuilder.Paid() with { Status = platformStatus }, Catalog, Now);

        Assert.Equal(expected, order.Status);
    }

    [Fact]
    public void Closing_an_order_before_review_cancels_it()
    {
        var order = SalesOrder.Create(Shop, OrderBuilder.Paid(), Catalog, Now);

        Assert.Equal(IntakeOutcome.Updated, order.Receive(OrderBuilder.Paid() with { Status = "TRADE_CLOSED", ModifiedAt = Now }, Catalog, Now));
        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void A_receiver_change_on_a_paid_order_is_marked_for_review_but_not_before_payment_or_on_other_changes()
    {
        var order = SalesOrder.Create(Shop, OrderBuilder.Paid(), Catalog, Now);
        Assert.False(order.AddressChangedAfterPayment);

        order.Receive(OrderBuilder.Paid() with { SellerMemo = "加急", ModifiedAt = Now }, Catalog, Now);
        Assert.False(order.AddressChangedAfterPayment);

        order.Receive(OrderBuilder.Paid() with { ReceiverAddress = "文二路1号", ModifiedAt = Now.AddMinutes(1) }, Catalog, Now);
        Assert.True(order.AddressChangedAfterPayment);

        var unpaid = SalesOrder.Create(Shop, OrderBuilder.Paid() with { Status = "WAIT_BUYER_PAY", PayTime = null }, Catalog, Now);
        unpaid.Receive(OrderBuilder.Paid() with { ReceiverAddress = "文二路1号", ModifiedAt = Now }, Catalog, Now);
        Assert.False(unpaid.AddressChangedAfterPayment);
    }
}
