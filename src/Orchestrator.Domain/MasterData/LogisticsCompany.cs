namespace Orchestrator.Domain.MasterData;

/// <summary>A carrier the seller ships with (物流公司).</summary>
public sealed class LogisticsCompany : Entity
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The carrier's code on the platform, sent with ship confirmation (e.g. Taobao's company_code).</summary>
    public string? PlatformLogisticsCode { get; set; }

    public bool SupportsCod { get; set; }

    public WaybillProviderKind WaybillProvider { get; set; }

    public bool IsEnabled { get; set; } = true;
}
