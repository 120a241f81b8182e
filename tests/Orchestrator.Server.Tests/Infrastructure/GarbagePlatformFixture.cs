namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// SQLite with workflows/ imported and a platform simulator, with a connected shop per garbage kind, platform and call
/// (<see cref="ShopCode"/>), so each case has its own fault switch and its own trades.
/// </summary>
public sealed class GarbagePlatformFixture : PlatformSqliteFixture
{
    public static readonly string[] Kinds = ["NotJson", "TruncatedJson", "HtmlPage", "WrongTypes", "ErrorBody"];

    public static readonly string[] Platforms = ["taobao", "jd"];

    private static readonly string[] Calls = ["PULL", "SHIP", "SYNC"];

    protected override IEnumerable<string> Shops =>
        from call in Calls from platform in Platforms from kind in Kinds select ShopCode(call, platform, kind);

    public static string ShopCode(string call, string platform, string kind) => $"G-{call}-{platform}-{kind}".ToUpperInvariant();
}
