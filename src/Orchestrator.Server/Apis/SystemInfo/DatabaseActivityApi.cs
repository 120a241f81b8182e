using Orchestrator.Persistence;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.SystemInfo;

/// <summary>
/// What this server process has asked of its database since it started: commands, commits, rollbacks. Read it twice
/// around a stretch of work and divide by the orders it handled to see statements and commits per order.
/// </summary>
internal static class DatabaseActivityApi
{
    public static IEndpointRouteBuilder MapDatabaseActivityApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/system/database", Get).WithTags("System").ForAdmins();
        return routes;
    }

    private static DatabaseActivityResponse Get(DatabaseActivity activity, DatabaseOptions options)
    {
        var now = activity.Snapshot();
        return new DatabaseActivityResponse(options.Provider.ToString(), now.Commands, now.Commits, now.Rollbacks, now.FailedCommands, now.Since);
    }
}

/// <summary>Counts since <c>since</c> (the process start): commands sent, commits (autocommitted writes included), rollbacks, failed commands.</summary>
internal sealed record DatabaseActivityResponse(string Provider, long Commands, long Commits, long Rollbacks, long FailedCommands, DateTimeOffset Since);
