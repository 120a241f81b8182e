using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Orchestrator.Persistence.Writes;

namespace Orchestrator.Persistence;

/// <summary>
/// Whether a row with a given value in a uniquely indexed column is stored, asked by one statement of the server's own
/// (<see cref="StatementCache.QueryAsync"/>). For the idempotency keys a workflow step looks up before it calls out: on
/// the hot path the answer is nearly always "no", which costs a count on the unique index here instead of a query through
/// EF's pipeline; only a replay that finds the row loads it through EF, tracked.
/// </summary>
public static class KeyProbe
{
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<(Type, string), Shape>> Shapes = new();

    /// <summary>
    /// True when a <typeparamref name="TEntity"/> row has <paramref name="value"/> in <paramref name="property"/>, read
    /// where <paramref name="db"/>'s queries run (its transaction when it has one). Rows added to the context but not
    /// saved are not seen, as no EF query sees them.
    /// </summary>
    public static async Task<bool> AnyAsync<TEntity>(OrchestratorDbContext db, string property, string value, CancellationToken cancellationToken)
    {
        var shapes = Shapes.GetValue(db.Model, _ => new ConcurrentDictionary<(Type, string), Shape>());
        var shape = shapes.GetOrAdd((typeof(TEntity), property), static (key, db) => Shape.Of(db.Model, key.Item1, key.Item2, db.GetService<ISqlGenerationHelper>()), db);
        return await StatementCache.QueryAsync(
            db, shape.Sql, (shape, value),
            static (command, s) => command.Parameters.Add(s.shape.Mapping.CreateParameter(command, s.shape.Parameter, s.value, nullable: false)),
            static async (reader, _, ct) => await reader.ReadAsync(ct) && Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) > 0,
            cancellationToken);
    }

    private sealed record Shape(string Sql, RelationalTypeMapping Mapping, string Parameter)
    {
        public static Shape Of(IModel model, Type entityType, string property, ISqlGenerationHelper sql)
        {
            var table = StoreTable.Of(model, entityType, sql);
            var text = $"SELECT COUNT(*) FROM {table.Name} WHERE {table.Column(property)} = {sql.GenerateParameterNamePlaceholder("key")}";
            return new Shape(text, table.Mapping(property), sql.GenerateParameterName("key"));
        }
    }
}
