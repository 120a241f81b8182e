namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// SQLite with workflows/ imported and the server's waybills taken from a simulator on loopback: a 1 s attempt timeout
/// and 2 retries, so timeouts and exhausted retries happen within a test's patience.
/// </summary>
public sealed class WaybillSimulatorFixture : SqliteServerFixture
{
    public const int Retries = 2;

    private WaybillSimulatorHost? _simulator;

    public WaybillSimulatorHost Simulator => _simulator!;

    protected override string? WorkflowsFolder => RepositoryPaths.Workflows;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Waybill:BaseUrl"] = Simulator.BaseAddress.ToString(),
        ["Waybill:Resilience:AttemptTimeout:Timeout"] = "00:00:01",
        ["Waybill:Resilience:Retry:MaxRetryAttempts"] = Retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Waybill:Resilience:Retry:Delay"] = "00:00:00.100",
    };

    public override async Task InitializeAsync()
    {
        _simulator = await WaybillSimulatorHost.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}
