using System.Data.Common;
using System.Globalization;

namespace Orchestrator.Workflows.Runtime.Clustering;

/// <summary>
/// Installs the tables and named queries that Orleans' ADO.NET clustering and reminders read (the packages ship no
/// scripts). Idempotent; one transaction under a database lock, so servers starting together take turns.
/// </summary>
internal static class OrleansSchema
{
    public static IReadOnlyList<string> Tables { get; } =
        ["OrleansQuery", "OrleansMembershipVersionTable", "OrleansMembershipTable", "OrleansRemindersTable"];

    public static async Task<OrleansSchemaResult> EnsureAsync(string invariant, string connectionString, CancellationToken cancellationToken)
    {
        var dialect = OrleansSchemaDialect.For(invariant);
        await using var connection = dialect.Factory.CreateConnection()
            ?? throw new InvalidOperationException($"The {invariant} driver made no connection.");
        connection.ConnectionString = connectionString;
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await ExecuteAsync(transaction, dialect.LockSql, cancellationToken);
        var existing = await ReadNamesAsync(transaction, dialect.TablesSql, cancellationToken);
        await ExecuteAsync(transaction, Script(dialect.Script), cancellationToken);
        var queries = await CountQueriesAsync(transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var created = Tables.Where(t => !existing.Contains(t)).ToList();
        return new OrleansSchemaResult($"{connection.Database} on {connection.DataSource}", created, queries);
    }

    public static string Script(string name)
    {
        using var stream = typeof(OrleansSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded script {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<HashSet<string>> ReadNamesAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        // PostgreSQL folds unquoted names to lower case, SQL Server keeps them: compare without case.
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var command = Command(transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<int> CountQueriesAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, "SELECT COUNT(*) FROM OrleansQuery");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
