using Orchestrator.Domain.MasterData;

namespace Orchestrator.Server.Apis.LogisticsCompanies;

/// <summary>Create or update a carrier; <c>version</c> is required on update.</summary>
public sealed record LogisticsCompanyRequest(
    string? Code,
    string? Name,
    string? PlatformLogisticsCode,
    bool? SupportsCod,
    WaybillProviderKind? WaybillProvider,
    bool? IsEnabled,
    int? Version);
