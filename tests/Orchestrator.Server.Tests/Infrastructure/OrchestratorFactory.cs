using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// The real server, in process, on the database the fixture prepared; workflow files come from <paramref name="workflowsFolder"/>,
/// by default none; <paramref name="settings"/> override the rest.
/// </summary>
public sealed class OrchestratorFactory(
    DatabaseProvider provider,
    string connectionString,
    string dataFolder,
    bool seedDemo,
    string? workflowsFolder = null,
    IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Demo:Seed", seedDemo ? "true" : "false");
        builder.UseSetting("Orchestrator:DataFolder", dataFolder);
        builder.UseSetting("Workflows:Folder", workflowsFolder ?? Directory.CreateDirectory(Path.Combine(dataFolder, "workflows")).FullName);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Runtime:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Runtime:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in SignIn.Settings.Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }
    }
}
