using System.Globalization;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>The platform fixture with the nightly stock sync set to run <see cref="Lead"/> after the fixture is made, in China time.</summary>
public sealed class NightlySyncFixture : PlatformSqliteFixture
{
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(40);

    public DateTimeOffset NightlyAt { get; } = DateTimeOffset.UtcNow.Add(Lead);

    protected override IReadOnlyDictionary<string, string?> Settings => base.Settings
        .Append(KeyValuePair.Create("StockSync:NightlyAt", (string?)NightlyAt.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm:ss", CultureInfo.InvariantCulture)))
        .ToDictionary();
}
