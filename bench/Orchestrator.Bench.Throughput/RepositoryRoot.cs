namespace Orchestrator.Bench.Throughput;

/// <summary>The clone the bench runs from: where Orchestrator.sln is, and the server built beside the bench.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the bench from a clone: Orchestrator.sln was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The server's dll in the configuration the bench itself was built in (the project reference builds it).</summary>
    public static string ServerDll(string repo)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(repo, "src", "Orchestrator.Server", "bin", configuration, "net10.0", "Orchestrator.Server.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The server is not built at {dll}.");
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
