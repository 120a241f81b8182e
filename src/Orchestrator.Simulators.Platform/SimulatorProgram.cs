namespace Orchestrator.Simulators.Platform;

/// <summary>Runs the simulator alone: <c>dotnet run --project src/Orchestrator.Simulators.Platform -- --urls http://127.0.0.1:5081</c>.</summary>
public static class SimulatorProgram
{
    public static async Task Main(string[] args) => await PlatformSimulator.Build(args).RunAsync();
}
