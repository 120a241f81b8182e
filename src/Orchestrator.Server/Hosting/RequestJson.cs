namespace Orchestrator.Server.Hosting;

/// <summary>How deep a request's JSON may nest.</summary>
internal static class RequestJson
{
    /// <summary>
    /// Half of System.Text.Json's 64: the server keeps stimuli, rules and definitions inside larger documents of its own
    /// (instance state, journal, rule sets, responses), which must still be written and read within 64. No request needs a dozen.
    /// </summary>
    public const int MaxDepth = 32;
}
