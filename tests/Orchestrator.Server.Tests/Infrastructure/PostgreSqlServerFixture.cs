using Npgsql;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL on 127.0.0.1 (scripts/test.sh starts a throwaway cluster and sets ORCHESTRATOR_TEST_POSTGRES);
/// each fixture gets its own database. Outside CI, without the variable, these tests are skipped; in CI they fail.
/// </summary>
public class PostgreSqlServerFixture : ServerFixture
{
    public const string Variable = "ORCHESTRATOR_TEST_POSTGRES";
    private string? _adminConnectionString;
    private string? _database;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override async Task<string?> CreateDatabaseAsync()
    {
        _adminConnectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_adminConnectionString))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{Variable} is not set: run the tests through scripts/test.sh, which starts PostgreSQL.");
            }

            SkipReason = $"{Variable} is not set; scripts/test.sh starts a PostgreSQL and sets it.";
            return null;
        }

        _database = "orchestrator_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database }.ToString();
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
