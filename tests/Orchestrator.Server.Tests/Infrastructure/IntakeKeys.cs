namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// The API key an integration sends on intake, in one place: today any X-Api-Key value names the caller; once keys are
/// issued, this is where a test's key name turns into a real key.
/// </summary>
public static class IntakeKeys
{
    public const string Header = "X-Api-Key";

    public static HttpRequestMessage WithKey(this HttpRequestMessage request, string keyName)
    {
        request.Headers.Add(Header, "test-key-" + keyName);
        return request;
    }
}
