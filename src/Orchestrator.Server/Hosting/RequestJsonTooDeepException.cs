namespace Orchestrator.Server.Hosting;

/// <summary>A JSON request body nested past <see cref="RequestJson.MaxDepth"/>; not an <see cref="IOException"/>, so binding does not swallow it.</summary>
internal sealed class RequestJsonTooDeepException()
    : Exception($"The request body nests arrays and objects more than {RequestJson.MaxDepth} levels deep.");
