using Orchestrator.Domain.Inventory;

namespace Orchestrator.Domain.Tests.Inventory;

public sealed class StockSyncQuantityTests
{
    [Theory]
    [InlineData(100, 1.0, 0, 100)]
    [InlineData(100, 0.5, 0, 50)]
    [InlineData(7, 0.5, 0, 3)]
    [InlineData(99, 0.33, 0, 32)]
    [InlineData(3, 0.1, 0, 0)]
    [InlineData(100, 0.0, 0, 0)]
    public void Platform_stock_is_available_times_ratio_rounded_down(int available, double ratio, int minimum, int expected) =>
        Assert.Equal(expected, StockSyncQuantity.ForPlatform(available, (decimal)ratio, minimum));

    [Theory]
    [InlineData(10, 0.1, 5, 5)]
    [InlineData(100, 0.5, 5, 50)]
    [InlineData(1, 0.5, 1, 1)]
    public void The_minimum_lifts_a_small_share_while_stock_is_available(int available, double ratio, int minimum, int expected) =>
        Assert.Equal(expected, StockSyncQuantity.ForPlatform(available, (decimal)ratio, minimum));

    [Theory]
    [InlineData(0, 5)]
    [InlineData(-2, 5)]
    public void Nothing_available_is_zero_whatever_the_minimum(int available, int minimum) =>
        Assert.Equal(0, StockSyncQuantity.ForPlatform(available, 1m, minimum));

    [Fact]
    public void The_minimum_never_promises_more_than_is_available() =>
        Assert.Equal(3, StockSyncQuantity.ForPlatform(3, 0.5m, 10));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    public void A_ratio_outside_zero_to_one_is_refused(double ratio) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StockSyncQuantity.ForPlatform(10, (decimal)ratio, 0));

    [Fact]
    public void A_combo_is_available_as_often_as_its_scarcest_component_fits() =>
        Assert.Equal(4, StockSyncQuantity.ComboAvailable([(10, 1), (9, 2), (50, 1)]));

    [Fact]
    public void A_combo_with_a_component_out_of_stock_is_not_available() =>
        Assert.Equal(0, StockSyncQuantity.ComboAvailable([(10, 1), (0, 1)]));

    [Fact]
    public void A_component_oversold_counts_as_none_rather_than_negative() =>
        Assert.Equal(0, StockSyncQuantity.ComboAvailable([(-3, 1), (10, 1)]));
}
