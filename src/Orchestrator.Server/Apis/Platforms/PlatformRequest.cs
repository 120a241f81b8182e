namespace Orchestrator.Server.Apis.Platforms;

/// <summary>Create or update a platform; <c>version</c> is required on update.</summary>
public sealed record PlatformRequest(string? Code, string? Name, int? Version);
