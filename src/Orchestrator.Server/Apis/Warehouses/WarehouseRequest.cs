namespace Orchestrator.Server.Apis.Warehouses;

/// <summary>Create or update a warehouse; <c>version</c> is required on update.</summary>
public sealed record WarehouseRequest(
    string? Code,
    string? Name,
    string? Province,
    string? City,
    string? District,
    string? Address,
    string? ContactName,
    string? ContactPhone,
    bool? IsEnabled,
    int? Version);
