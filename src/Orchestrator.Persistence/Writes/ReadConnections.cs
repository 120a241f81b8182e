using System.Data.Common;

namespace Orchestrator.Persistence.Writes;

/// <summary>
/// Open SQLite connections kept for the server's own reads outside a transaction (<see cref="StatementCache.QueryAsync"/>),
/// each with its commands kept (<see cref="StatementCache"/>), so SQLite compiles each read once per connection. A
/// workflow run reads before its commit with no transaction (the order's stamp, free stock, an idempotency key), and
/// on the context's own connection each read opened it through EF, which registers its SQL functions on the native
/// connection at every open, and closed it again: several times the read's own cost. What such a read sees is the same
/// on any connection to the file: the last commit.
/// <para>
/// A connection is used by one reader at a time (taken, then given back). At most <see cref="MaxIdle"/> wait between
/// reads across all files; one given back past that is closed, the longest-waiting first, so a process that touches
/// many database files (the test suite) holds few handles.
/// </para>
/// </summary>
internal static class ReadConnections
{
    /// <summary>Idle connections kept, over all files: a few per core cover the reads a 2-core host runs at once.</summary>
    public const int MaxIdle = 16;

    private static readonly LinkedList<Reader> Idle = new();
    private static readonly Lock Sync = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Files = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="connectionString"/> names a database file, which another connection opens too; an
    /// in-memory database is the connection's own (or its shared cache's), so its reads stay on the context's connection.
    /// </summary>
    public static bool IsFile(string connectionString)
    {
        if (Files.TryGetValue(connectionString, out var known))
        {
            return known;
        }

        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Part(params string[] keys) => keys.Select(k => parts.TryGetValue(k, out var v) ? v?.ToString() : null).FirstOrDefault(v => v is not null);
        var source = Part("Data Source", "DataSource", "Filename");
        var file = !string.IsNullOrWhiteSpace(source)
            && !string.Equals(source, ":memory:", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(Part("Mode"), "Memory", StringComparison.OrdinalIgnoreCase);
        if (Files.Count > 1_000)
        {
            Files.Clear();
        }

        Files[connectionString] = file;
        return file;
    }

    /// <summary>An open connection to <paramref name="like"/>'s database (its connection string), made like it, kept or new.</summary>
    public static async Task<Reader> TakeAsync(DbConnection like, string connectionString, CancellationToken cancellationToken)
    {
        lock (Sync)
        {
            for (var node = Idle.Last; node is not null; node = node.Previous)
            {
                if (string.Equals(node.Value.ConnectionString, connectionString, StringComparison.Ordinal))
                {
                    Idle.Remove(node);
                    return node.Value;
                }
            }
        }

        var factory = DbProviderFactories.GetFactory(like) ?? throw new InvalidOperationException($"{like.GetType().Name} names no provider factory.");
        var connection = factory.CreateConnection() ?? throw new InvalidOperationException($"{factory.GetType().Name} made no connection.");
        connection.ConnectionString = connectionString;
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new Reader(connection, connectionString);
    }

    /// <summary>Gives <paramref name="reader"/> back for the next read; closes it instead when it broke or enough wait.</summary>
    public static void Give(Reader reader)
    {
        Reader? closed = null;
        if (reader.Connection.State != System.Data.ConnectionState.Open)
        {
            closed = reader;
        }
        else
        {
            lock (Sync)
            {
                Idle.AddLast(reader);
                if (Idle.Count > MaxIdle)
                {
                    closed = Idle.First!.Value;
                    Idle.RemoveFirst();
                }
            }
        }

        closed?.Dispose();
    }

    /// <summary>One kept connection and the commands kept on it.</summary>
    public sealed class Reader(DbConnection connection, string connectionString) : IDisposable
    {
        public DbConnection Connection { get; } = connection;

        public string ConnectionString { get; } = connectionString;

        public StatementCache Commands { get; } = StatementCache.Over(connection);

        public void Dispose()
        {
            Commands.Dispose();
            Connection.Dispose();
        }
    }
}
