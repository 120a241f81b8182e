namespace Orchestrator.Domain.MasterData;

/// <summary>A place stock is kept and shipped from; its address is the e-waybill sender address and must match the carrier account's exactly (seed 000 §3.3).</summary>
public sealed class Warehouse : Entity
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Province { get; set; }

    public required string City { get; set; }

    public string? District { get; set; }

    public required string Address { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public bool IsEnabled { get; set; } = true;
}
