namespace Orchestrator.Server.Hosting;

/// <summary>The <c>Api</c> configuration section: limits every request body shares.</summary>
public sealed class RequestBodyLimitOptions
{
    public const string Section = "Api";

    /// <summary>The largest request body taken, in bytes (8 MiB: a full 500-order batch is well under 2 MiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;
}
