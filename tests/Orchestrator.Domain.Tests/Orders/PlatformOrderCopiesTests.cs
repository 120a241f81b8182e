using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Tests.Orders;

public sealed class PlatformOrderCopiesTests
{
    private static readonly DateTime Earlier = new(2026, 11, 10, 16, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Earlier.AddMinutes(5);

    [Fact]
    public void The_newest_copy_is_kept_wherever_it_comes_in_the_batch()
    {
        PlatformOrder[] batch =
        [
            OrderBuilder.Paid("A") with { ModifiedAt = Later },
            OrderBuilder.Paid("B") with { ModifiedAt = Earlier },
            OrderBuilder.Paid("A") with { ModifiedAt = Earlier },
            OrderBuilder.Paid("B") with { ModifiedAt = Later },
        ];

        Assert.Equal([0, 3, 0, 3], PlatformOrderCopies.KeptCopies(batch));
    }

    [Fact]
    public void On_equal_modified_the_later_copy_is_kept_and_a_copy_without_modified_ranks_lowest()
    {
        PlatformOrder[] batch =
        [
            OrderBuilder.Paid("A"),
            OrderBuilder.Paid("A"),
            OrderBuilder.Paid("B") with { ModifiedAt = Earlier },
            OrderBuilder.Paid("B") with { ModifiedAt = null },
            OrderBuilder.Paid("C") with { ModifiedAt = null },
            OrderBuilder.Paid("C") with { ModifiedAt = null },
            OrderBuilder.Paid("D"),
        ];

        Assert.Equal([1, 1, 2, 2, 5, 5, 6], PlatformOrderCopies.KeptCopies(batch));
    }
}
