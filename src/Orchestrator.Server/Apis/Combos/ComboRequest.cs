namespace Orchestrator.Server.Apis.Combos;

/// <summary>Create or update a combo (套餐); <c>version</c> is required on update.</summary>
public sealed record ComboRequest(string? Code, string? Name, bool? IsEnabled, IReadOnlyList<ComboItemRequest>? Items, int? Version);
