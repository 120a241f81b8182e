namespace Orchestrator.Integrations.Platforms;

/// <summary>The platform refused or failed a call after the resilience pipeline gave up.</summary>
public sealed class PlatformCallException : Exception
{
    public PlatformCallException()
    {
    }

    public PlatformCallException(string message)
        : base(message)
    {
    }

    public PlatformCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
