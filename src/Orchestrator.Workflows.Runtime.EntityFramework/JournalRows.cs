using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Workflows.Runtime.EntityFramework;

/// <summary>
/// Writes the journal entries of a commit with one multi-row INSERT in the context's transaction, where EF would send a
/// command per row (it does not batch on SQLite). Table, columns, quoting and parameter types come from the EF model and
/// the provider, so the statement is right on SQLite, PostgreSQL and SQL Server alike, and it goes through the context's
/// interceptors (the SQLite write gate, the command counters) like any other.
/// </summary>
internal static class JournalRows
{
    /// <summary>SQL Server takes at most 1,000 rows per VALUES list and 2,100 parameters per command.</summary>
    private const int MaxRowsPerCommand = 150;

    private static readonly ConditionalWeakTable<IModel, Shape> Shapes = new();

    public static async Task InsertAsync(OrchestratorDbContext db, IReadOnlyList<WorkflowJournalRecord> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var shape = Shapes.GetValue(db.Model, model => Shape.Of(model, db.GetService<ISqlGenerationHelper>()));
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in rows.Chunk(MaxRowsPerCommand))
        {
            var sql = new StringBuilder(shape.Prefix);
            var parameters = new List<DbParameter>(chunk.Length * shape.Columns.Count);
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "(" : ", (");
                for (var j = 0; j < shape.Columns.Count; j++)
                {
                    var column = shape.Columns[j];
                    var name = $"j{i}_{j}";
                    sql.Append(j == 0 ? string.Empty : ", ").Append(shape.Sql.GenerateParameterNamePlaceholder(name));
                    parameters.Add(column.Mapping.CreateParameter(factory, shape.Sql.GenerateParameterName(name), column.Property.GetGetter().GetClrValue(chunk[i]), column.Property.IsNullable));
                }

                sql.Append(')');
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }
    }

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping);

    private sealed record Shape(string Prefix, IReadOnlyList<Column> Columns, ISqlGenerationHelper Sql)
    {
        public static Shape Of(IModel model, ISqlGenerationHelper sql)
        {
            var entity = model.FindEntityType(typeof(WorkflowJournalRecord))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties()
                .Where(p => p.ValueGenerated == ValueGenerated.Never)
                .Select(p => new Column(p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
                .ToList();
            var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)));
            return new Shape($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ", columns, sql);
        }
    }
}
