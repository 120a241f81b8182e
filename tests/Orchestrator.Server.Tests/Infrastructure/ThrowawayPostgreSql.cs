using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of this test's own (initdb into a temp folder, pg_ctl on a free loopback port), so a test can stop
/// and start the database under a running server without touching the suite's shared one. Run as the postgres user when
/// root, as scripts/test.sh does, since initdb refuses root. Null from <see cref="StartNewAsync"/> when no binaries exist.
/// </summary>
public sealed class ThrowawayPostgreSql : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly int _port;

    private ThrowawayPostgreSql(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        _port = port;
    }

    public static string SkipReason => "No PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin.";

    private string DataFolder => Path.Combine(_root, "data");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres", Database = database }.ToString();

    /// <summary>Creates, starts and returns a cluster with an empty database <c>orchestrator</c>, or null without binaries.</summary>
    public static async Task<ThrowawayPostgreSql?> StartNewAsync()
    {
        var bin = FindBinaries();
        if (bin is null)
        {
            return null;
        }

        // Under /tmp, not $TMPDIR, so the postgres user can reach it and the socket path stays short.
        var root = Directory.CreateDirectory(Path.Combine("/tmp", "orchestrator-outage-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var cluster = new ThrowawayPostgreSql(bin, root, FreePorts.Next());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", $"postgres: {root}");
        }

        await cluster.AsPostgresAsync("initdb", $"-D {cluster.DataFolder} --username=postgres --auth=trust --encoding=UTF8 --no-locale --no-sync");
        await File.AppendAllTextAsync(Path.Combine(cluster.DataFolder, "postgresql.conf"),
            $"\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{root}'\nfsync = off\nfull_page_writes = off\n");
        await cluster.StartAsync();
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE orchestrator", connection);
        await create.ExecuteNonQueryAsync();
        return cluster;
    }

    public Task StartAsync() =>
        AsPostgresAsync("pg_ctl", $"start -D {DataFolder} -l {Path.Combine(_root, "postgres.log")} -w -t 60 -s -o \"-p {_port.ToString(CultureInfo.InvariantCulture)}\"");

    /// <summary>The outage: <c>pg_ctl stop -m fast</c> ends every session and refuses connections until <see cref="StartAsync"/>.</summary>
    public Task StopAsync() => AsPostgresAsync("pg_ctl", $"stop -D {DataFolder} -m fast -w -s");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AsPostgresAsync("pg_ctl", $"stop -D {DataFolder} -m immediate -s");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_root, recursive: true);
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderBy(b => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : new Version(0, 0))
                .LastOrDefault()
            : null;

    private Task AsPostgresAsync(string tool, string arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", $"-u postgres -- {Path.Combine(_bin, tool)} {arguments}")
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        })!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
