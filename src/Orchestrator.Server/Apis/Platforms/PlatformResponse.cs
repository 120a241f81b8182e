using Orchestrator.Domain.MasterData;

namespace Orchestrator.Server.Apis.Platforms;

public sealed record PlatformResponse(long Id, string Code, string Name, int Version)
{
    public static PlatformResponse From(Platform p) => new(p.Id, p.Code, p.Name, p.Version);
}
