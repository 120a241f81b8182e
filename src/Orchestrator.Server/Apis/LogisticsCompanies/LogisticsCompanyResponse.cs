using Orchestrator.Domain.MasterData;

namespace Orchestrator.Server.Apis.LogisticsCompanies;

public sealed record LogisticsCompanyResponse(
    long Id, string Code, string Name, string? PlatformLogisticsCode, bool SupportsCod, WaybillProviderKind WaybillProvider,
    bool IsEnabled, int Version)
{
    public static LogisticsCompanyResponse From(LogisticsCompany l) =>
        new(l.Id, l.Code, l.Name, l.PlatformLogisticsCode, l.SupportsCod, l.WaybillProvider, l.IsEnabled, l.Version);
}
