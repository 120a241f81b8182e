using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace Orchestrator.Workflows.Runtime.Clustering;

/// <summary>What installing the Orleans schema needs per database engine: the driver, the script, a lock and a table list.</summary>
internal sealed record OrleansSchemaDialect(string Invariant, DbProviderFactory Factory, string Script, string LockSql, string TablesSql)
{
    public const string PostgreSqlInvariant = "Npgsql";
    public const string SqlServerInvariant = "Microsoft.Data.SqlClient";

    // One fixed key for every server of every version, so only one of them installs at a time.
    private const long PostgreSqlLockKey = 0x4F524C45414E53;

    public static readonly OrleansSchemaDialect PostgreSql = new(
        PostgreSqlInvariant,
        NpgsqlFactory.Instance,
        "orleans-postgresql.sql",
        $"SELECT pg_advisory_xact_lock({PostgreSqlLockKey})",
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");

    public static readonly OrleansSchemaDialect SqlServer = new(
        SqlServerInvariant,
        SqlClientFactory.Instance,
        "orleans-sqlserver.sql",
        """
        DECLARE @Result INT;
        EXEC @Result = sp_getapplock @Resource = N'Orchestrator.OrleansSchema', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000;
        IF @Result < 0 THROW 50000, 'Another server held the Orleans schema lock for 30 s.', 1;
        """,
        "SELECT name FROM sys.tables");

    public static IReadOnlyList<string> Invariants { get; } = [PostgreSqlInvariant, SqlServerInvariant];

    public static OrleansSchemaDialect For(string invariant) => invariant switch
    {
        PostgreSqlInvariant => PostgreSql,
        SqlServerInvariant => SqlServer,
        _ => throw new NotSupportedException(
            $"No Orleans schema script for the ADO.NET invariant '{invariant}'; supported: {string.Join(", ", Invariants)}."),
    };
}
