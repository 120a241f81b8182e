using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>The SQL of every command EF sends (statements the server sends on its own, by ADO.NET, do not pass here).</summary>
public sealed class CommandLog : DbCommandInterceptor
{
    public List<string> Sent { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Sent.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Sent.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Sent.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
