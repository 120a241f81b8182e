using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>The real server as its own process (the built Orchestrator.Server.dll), so a test can SIGKILL it.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, int port, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>The Orleans silo port, as it appears in OrleansMembershipTable.Port.</summary>
    public int SiloPort { get; }

    public IEnumerable<string> Output => _output;

    /// <summary>
    /// Starts the server on the SQLite database in <paramref name="dataFolder"/> and waits until it is ready;
    /// <paramref name="environment"/> overrides its settings (e.g. <c>Database__Provider</c>, <c>Runtime__Clustering</c>).
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string dataFolder, bool seedDemo, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ServerDll() },
            WorkingDirectory = Path.GetDirectoryName(ServerDll())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Orchestrator__DataFolder"] = dataFolder;
        start.Environment["Demo__Seed"] = seedDemo ? "true" : "false";
        start.Environment["Workflows__Folder"] = RepositoryPaths.Workflows;
        var siloPort = FreePorts.Next();
        start.Environment["Runtime__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Runtime__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Serilog__MinimumLevel__Default"] = "Information";
        foreach (var (key, value) in SignIn.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(Process.Start(start)!, port, siloPort);
        await server.WaitReadyAsync();
        return server;
    }

    /// <summary>A client signed in as the test admin (see <see cref="SignIn"/>).</summary>
    public HttpClient CreateClient() => SignIn.ProcessClient(BaseAddress);

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was not committed is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitReadyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server was not ready in 60 s:\n{string.Join('\n', _output)}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static string ServerDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var dll = Path.Combine(RepositoryPaths.Root, "src", "Orchestrator.Server", "bin", configuration, "net10.0", "Orchestrator.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the server first ({configuration}); {dll} is missing.");
    }
}
