using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Tests.Orders;

public sealed class PlatformOrderCheckTests
{
    private static readonly Dictionary<string, PlatformOrder> BadOrders = new()
    {
        ["platformOrderId"] = OrderBuilder.Paid(new string('9', 65)),
        ["status"] = OrderBuilder.Paid() with { Status = "NOT_A_STATUS" },
        ["receiver.mobile"] = OrderBuilder.Paid() with { ReceiverMobile = " " },
        ["receiver.address"] = OrderBuilder.Paid() with { ReceiverAddress = new string('路', 513) },
        ["buyerMessage"] = OrderBuilder.Paid() with { BuyerMessage = "周末\0送货" },
        ["buyerNick"] = OrderBuilder.Paid() with { BuyerNick = "茶友\uD800" },
        ["payment"] = OrderBuilder.Paid() with { Payment = -1 },
        ["lines"] = OrderBuilder.Paid() with { Lines = [] },
        ["lines[1].quantity"] = OrderBuilder.Paid("4012345678901234", ("TEA-01", 1), ("CUP-01", 0)),
        ["lines[0].merchantCode"] = OrderBuilder.Paid("4012345678901234", (new string('X', 65), 1)),
    };

    [Fact]
    public void A_well_formed_order_has_no_problem() => Assert.Null(PlatformOrderCheck.FirstProblem(OrderBuilder.Paid()));

    [Theory]
    [InlineData("platformOrderId")]
    [InlineData("status")]
    [InlineData("receiver.mobile")]
    [InlineData("receiver.address")]
    [InlineData("buyerMessage")]
    [InlineData("buyerNick")]
    [InlineData("payment")]
    [InlineData("lines")]
    [InlineData("lines[1].quantity")]
    [InlineData("lines[0].merchantCode")]
    public void The_first_problem_names_the_field_as_the_intake_API_does(string field) =>
        Assert.Equal(field, PlatformOrderCheck.FirstProblem(BadOrders[field])?.Field);
}
