namespace Orchestrator.Server.Apis.Orders;

/// <summary>The <c>Intake</c> configuration section.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    public int MaxBatchSize { get; set; } = 500;
}
