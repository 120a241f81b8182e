namespace Orchestrator.Integrations.Platforms;

/// <summary>A shop's platform settings, from configuration <c>Platforms:{shopCode}</c>.</summary>
public sealed class PlatformConnection
{
    /// <summary>The platform's root, e.g. <c>http://127.0.0.1:5081</c>; the TOP router is <c>{BaseUrl}/router/rest</c>.</summary>
    public string? BaseUrl { get; set; }

    public string? AppKey { get; set; }

    public string? AppSecret { get; set; }

    /// <summary>The seller's session token (TOP <c>session</c>).</summary>
    public string? Session { get; set; }
}
