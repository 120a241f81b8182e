using Orchestrator.Domain;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Apis;

/// <summary>Optimistic concurrency for updates: the client sends the version it read; a stale one is a 409.</summary>
internal static class Versioning
{
    public static IResult? Conflict(OrchestratorDbContext db, Entity entity, int? requestedVersion, string what)
    {
        if (requestedVersion is not { } requested)
        {
            return Problems.Invalid("version", "version is required for an update: send the version you read.");
        }

        if (requested != entity.Version)
        {
            return Problems.VersionConflict(what, entity.Id, requested, entity.Version);
        }

        // A writer that commits between our read and our save makes the UPDATE match no row: a 409 as well.
        db.Entry(entity).Property(e => e.Version).OriginalValue = requested;
        return null;
    }
}
