using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Orchestrator.Bench.Throughput;

/// <summary>A fresh database for one run (a temp SQLite folder, or a new PostgreSQL database), dropped afterwards.</summary>
internal abstract class BenchDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }

    /// <summary>The server's settings that point it at this database.</summary>
    public abstract IReadOnlyDictionary<string, string> ServerSettings { get; }

    public abstract DbConnection Connect();

    /// <summary>A copy of this database's schema and rows as another database, for the floor run (the server is stopped).</summary>
    public abstract Task<BenchDatabase> CopyAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>CPU seconds the database server has used so far: 0 for SQLite (it runs inside the server), NaN when it is not on this machine.</summary>
    public virtual double ServerCpuSeconds() => 0;

    public static BenchDatabase Sqlite() => new SqliteBenchDatabase(Directory.CreateTempSubdirectory("orchestrator-bench-").FullName);

    public static async Task<BenchDatabase> PostgreSqlAsync(string adminConnectionString)
    {
        var name = "orchestrator_bench_" + Guid.NewGuid().ToString("N")[..10];
        await PostgreSqlBenchDatabase.AdminAsync(adminConnectionString, $"CREATE DATABASE \"{name}\"");
        return new PostgreSqlBenchDatabase(adminConnectionString, name);
    }

    private sealed class SqliteBenchDatabase(string folder) : BenchDatabase
    {
        private string File => Path.Combine(folder, "orchestrator.db");

        public override string Provider => "SQLite";

        public override IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["Orchestrator__DataFolder"] = folder,
        };

        public override DbConnection Connect() => new SqliteConnection($"Data Source={File};Default Timeout=30;Pooling=False");

        public override async Task<BenchDatabase> CopyAsync()
        {
            await using (var connection = Connect())
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
            }

            var copy = new SqliteBenchDatabase(Directory.CreateTempSubdirectory("orchestrator-bench-floor-").FullName);
            System.IO.File.Copy(File, copy.File);
            await using (var connection = copy.Connect())
            {
                await connection.OpenAsync();
                await using var wal = connection.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                await wal.ExecuteNonQueryAsync();
            }

            return copy;
        }

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("ORCHESTRATOR_BENCH_KEEP") == "1")
            {
                Console.WriteLine($"  kept: {folder}");
                return ValueTask.CompletedTask;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // a file still open; the temp folder is cleaned by the OS
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgreSqlBenchDatabase(string admin, string name) : BenchDatabase
    {
        private string ConnectionString => new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString();

        public override string Provider => "PostgreSQL";

        public override IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString(),
        };

        public override DbConnection Connect() => new NpgsqlConnection(ConnectionString);

        /// <summary>Every postgres process on this machine (the bench's database is the only busy one), when the server is local.</summary>
        public override double ServerCpuSeconds() =>
            new NpgsqlConnectionStringBuilder(admin).Host is "127.0.0.1" or "localhost" or "::1" ? ProcessCpu.OfProcessesNamed("postgres") : double.NaN;

        public override async Task<BenchDatabase> CopyAsync()
        {
            var copy = "orchestrator_bench_" + Guid.NewGuid().ToString("N")[..10];
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(admin, $"CREATE DATABASE \"{copy}\" TEMPLATE \"{name}\"");
            return new PostgreSqlBenchDatabase(admin, copy);
        }

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }

        public static async Task AdminAsync(string admin, string sql)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
