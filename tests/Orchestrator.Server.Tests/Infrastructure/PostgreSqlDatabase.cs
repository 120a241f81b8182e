using Npgsql;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// A new, empty database on the real PostgreSQL that scripts/test.sh starts (ORCHESTRATOR_TEST_POSTGRES), dropped on
/// dispose. Outside CI, without the variable, there is none and tests skip; in CI its absence is an error.
/// </summary>
public sealed class PostgreSqlDatabase : IAsyncDisposable
{
    public const string Variable = "ORCHESTRATOR_TEST_POSTGRES";
    private readonly string _adminConnectionString;
    private readonly string _name;

    private PostgreSqlDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ToString();
    }

    public static string SkipReason => $"{Variable} is not set; scripts/test.sh starts a PostgreSQL and sets it.";

    public string ConnectionString { get; }

    /// <summary>Creates the database, or returns null when PostgreSQL is not configured outside CI.</summary>
    public static async Task<PostgreSqlDatabase?> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            return string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException($"{Variable} is not set: run the tests through scripts/test.sh, which starts PostgreSQL.")
                : null;
        }

        var name = "orchestrator_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new PostgreSqlDatabase(admin, name);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
