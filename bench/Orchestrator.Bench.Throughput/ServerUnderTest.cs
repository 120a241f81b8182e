using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace Orchestrator.Bench.Throughput;

/// <summary>The real server as its own process, on a free loopback port, with the settings of one run.</summary>
internal sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    /// <summary>Every line the server writes, also kept in a file when <c>ORCHESTRATOR_BENCH_SERVER_LOG</c> names one (for profiling).</summary>
    private readonly TextWriter? _log = Environment.GetEnvironmentVariable("ORCHESTRATOR_BENCH_SERVER_LOG") is { Length: > 0 } path
        ? TextWriter.Synchronized(new StreamWriter(path, append: true))
        : null;

    private bool _disposed;

    private ServerUnderTest(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>The admin the bench's fresh database is created with; the bench plays every role as this admin.</summary>
    public const string AdminName = "bench-admin";

    public const string AdminPassword = "bench-admin-password";

    /// <summary>A client signed in as the bench's admin (the cookie is kept by the handler).</summary>
    public async Task<HttpClient> SignedInClientAsync()
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        using var response = await http.PostAsJsonAsync("/api/auth/sign-in", new { userName = AdminName, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        return http;
    }

    public static async Task<ServerUnderTest> StartAsync(string repo, IReadOnlyDictionary<string, string> settings)
    {
        var dll = RepositoryRoot.ServerDll(repo);
        var port = RepositoryRoot.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Workflows__Folder"] = Path.Combine(repo, "workflows");
        start.Environment["Runtime__SiloPort"] = RepositoryRoot.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["Runtime__GatewayPort"] = RepositoryRoot.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__MinimumLevel__Override__Microsoft"] = "Warning";
        start.Environment["Auth__Admin__UserName"] = AdminName;
        start.Environment["Auth__Admin__Password"] = AdminPassword;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var server = new ServerUnderTest(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (server._process.HasExited)
            {
                throw new InvalidOperationException("The server exited at start:\n" + server.Tail());
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException("The server did not become ready in 90 s:\n" + server.Tail());
    }

    /// <summary>The process' peak resident memory (VmHWM) in MB, from /proc; 0 where /proc is missing.</summary>
    public double PeakMemoryMb()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>CPU seconds the server used (user + system), from /proc; what it cost, next to what the clock says.</summary>
    public double CpuSeconds()
    {
        _process.Refresh();
        return _process.TotalProcessorTime.TotalSeconds;
    }

    public string Tail() => string.Join('\n', _output.TakeLast(40));

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        if (_log is not null)
        {
            await _log.DisposeAsync();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log?.WriteLine(line);
        _output.Enqueue(line);
        while (_output.Count > 400)
        {
            _output.TryDequeue(out _);
        }
    }
}
