namespace Orchestrator.Domain.MasterData;

/// <summary>Which e-waybill (电子面单) service issues tracking numbers for a logistics company.</summary>
public enum WaybillProviderKind
{
    None,
    SF,
    Cainiao,
    JD,
}
