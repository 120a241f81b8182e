using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Orchestrator.Persistence.Sqlite;

/// <summary>Sets <c>max_page_count</c> on every connection (it is per connection), so the database cannot grow past it.</summary>
public sealed class SqlitePageLimit(int maxPageCount) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string Pragma => $"PRAGMA max_page_count={maxPageCount.ToString(CultureInfo.InvariantCulture)};";

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
