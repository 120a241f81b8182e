namespace Orchestrator.Domain.Orders;

/// <summary>Why an order cannot be taken, naming the field as the intake API does (<c>lines[0].quantity</c>).</summary>
public sealed record OrderFieldProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
