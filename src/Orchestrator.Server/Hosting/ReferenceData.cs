using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MasterData;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Hosting;

/// <summary>The platforms every installation knows; more can be added through the API.</summary>
internal static class ReferenceData
{
    private static readonly (string Code, string Name)[] Platforms =
    [
        ("taobao", "淘宝 Taobao"),
        ("tmall", "天猫 Tmall"),
        ("jd", "京东 JD"),
        ("aliexpress", "AliExpress"),
        ("amazon", "Amazon"),
        ("pos", "门店 POS"),
    ];

    public static async Task EnsurePlatformsAsync(OrchestratorDbContext db)
    {
        var existing = await db.Platforms.Select(p => p.Code).ToListAsync();
        foreach (var (code, name) in Platforms.Where(p => !existing.Contains(p.Code)))
        {
            db.Platforms.Add(new Platform { Code = code, Name = name });
        }

        await db.SaveChangesAsync();
    }
}
