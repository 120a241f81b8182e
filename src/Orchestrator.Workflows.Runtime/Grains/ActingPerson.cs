using Orleans.Runtime;

namespace Orchestrator.Workflows.Runtime.Grains;

/// <summary>
/// The person a call to an instance acts for (a reviewer's decision, an exception resolved, an instance cancelled),
/// carried to the grain in Orleans' request context. The grain's scopes name that person as the audit actor for the
/// run the call starts; calls without one (intake, timers, stock arrivals, floor scans) run as the workflow's routine.
/// </summary>
public static class ActingPerson
{
    private const string Key = "orchestrator.actingPerson";

    /// <summary>Names <paramref name="name"/> for the grain calls made until the returned scope ends.</summary>
    public static IDisposable Use(string name)
    {
        RequestContext.Set(Key, name);
        return new Scope();
    }

    /// <summary>Reads the caller's person once, so calls the grain makes in turn do not carry it on.</summary>
    internal static string? Take()
    {
        var name = RequestContext.Get(Key) as string;
        RequestContext.Remove(Key);
        return name;
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => RequestContext.Remove(Key);
    }
}
