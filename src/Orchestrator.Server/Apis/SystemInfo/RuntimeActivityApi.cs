using System.Runtime;
using System.Runtime.CompilerServices;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.SystemInfo;

/// <summary>
/// What the .NET runtime of this server process has spent since it started: methods JIT-compiled and the time that
/// took, bytes allocated, collections and the time the program was paused for them. Read it twice around a stretch of
/// work, as <c>GET /api/system/database</c>, to see whether a steady load still compiles code or what it allocates per
/// order.
/// </summary>
internal static class RuntimeActivityApi
{
    public static IEndpointRouteBuilder MapRuntimeActivityApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/system/runtime", Get).WithTags("System").ForAdmins();
        return routes;
    }

    private static RuntimeActivityResponse Get() => new(
        JitInfo.GetCompiledMethodCount(),
        JitInfo.GetCompilationTime().TotalMilliseconds,
        GC.GetTotalAllocatedBytes(),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration().TotalMilliseconds,
        GCSettings.IsServerGC,
        ThreadPool.ThreadCount);
}

/// <summary>Counts since the process started (see <see cref="RuntimeActivityApi"/>).</summary>
internal sealed record RuntimeActivityResponse(
    long JitCompiledMethods, double JitCompilationMs, long AllocatedBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections,
    double GcPauseMs, bool ServerGc, int ThreadPoolThreads);
