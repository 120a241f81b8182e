using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Persistence.Writes;

/// <summary>
/// Writes the journal entries of a workflow run's commit with one multi-row INSERT in the commit's transaction, where EF
/// would send a command per row (it does not batch on SQLite). Table, columns, quoting and parameter types come from the
/// EF model and the provider, so the statement is right on SQLite, PostgreSQL and SQL Server alike.
/// <para>
/// A statement of the server's own, as the run's other writes are (<see cref="PreparedWrites"/>): its SQL is made once
/// per model and row count, and on a SQLite group's connection the command is kept (<see cref="StatementCache"/>), so
/// SQLite compiles it once per row count rather than once per commit; PostgreSQL prepares it itself once it repeats. It
/// went through EF's raw-SQL pipeline (<c>ExecuteSqlRaw</c>): a new command, compiled again, on every commit. Counted
/// by <see cref="DatabaseActivity"/> as one command, as before.
/// </para>
/// </summary>
public static class JournalRows
{
    /// <summary>SQL Server takes at most 1,000 rows per VALUES list and 2,100 parameters per command.</summary>
    internal const int MaxRowsPerCommand = 150;

    private static readonly ConditionalWeakTable<IModel, Shape> Shapes = new();

    /// <summary>Inserts <paramref name="rows"/> inside <paramref name="db"/>'s transaction (a commit's, or its share of a group commit).</summary>
    public static async Task InsertAsync(OrchestratorDbContext db, IReadOnlyList<WorkflowJournalRecord> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The journal is written inside the commit's transaction: begin it first.");
        var shape = ShapeOf(db);
        foreach (var chunk in rows.Chunk(MaxRowsPerCommand))
        {
            await StatementCache.ExecuteAsync(db, transaction, shape.SqlFor(chunk.Length), (shape, chunk), static (command, s) => s.shape.Bind(command, s.chunk), cancellationToken);
        }
    }

    /// <summary>The journal's INSERT for <paramref name="db"/>'s model: its SQL per row count, and how a row's values are bound.</summary>
    internal static Shape ShapeOf(OrchestratorDbContext db) => Shapes.GetValue(db.Model, model => Shape.Of(model, db.GetService<ISqlGenerationHelper>()));

    internal sealed record Column(IProperty Property, RelationalTypeMapping Mapping);

    internal sealed class Shape(string prefix, IReadOnlyList<Column> columns, ISqlGenerationHelper sql)
    {
        /// <summary>The statement for each row count, made on first use; a count's SQL never changes, so a kept command's stays valid.</summary>
        private readonly string?[] _byRows = new string?[MaxRowsPerCommand + 1];

        /// <summary>Each row position's parameter names, made on first use rather than on every commit.</summary>
        private readonly string[]?[] _names = new string[]?[MaxRowsPerCommand];

        public static Shape Of(IModel model, ISqlGenerationHelper sql)
        {
            var table = StoreTable.Of(model, typeof(WorkflowJournalRecord), sql);
            var columns = table.Entity.GetProperties()
                .Where(p => p.ValueGenerated == ValueGenerated.Never)
                .Select(p => new Column(p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
                .ToList();
            var names = string.Join(", ", columns.Select(c => table.Column(c.Property)));
            return new Shape($"INSERT INTO {table.Name} ({names}) VALUES ", columns, sql);
        }

        public string SqlFor(int rows)
        {
            if (Volatile.Read(ref _byRows[rows]) is { } made)
            {
                return made;
            }

            var text = new StringBuilder(prefix);
            for (var i = 0; i < rows; i++)
            {
                text.Append(i == 0 ? "(" : ", (");
                for (var j = 0; j < columns.Count; j++)
                {
                    text.Append(j == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(Name(i, j)));
                }

                text.Append(')');
            }

            // Two threads may make the same text at once: either copy is the same SQL.
            var built = text.ToString();
            Volatile.Write(ref _byRows[rows], built);
            return built;
        }

        public void Bind(DbCommand command, IReadOnlyList<WorkflowJournalRecord> rows)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var names = NamesOf(i);
                for (var j = 0; j < columns.Count; j++)
                {
                    var column = columns[j];
                    command.Parameters.Add(column.Mapping.CreateParameter(
                        command, names[j], column.Property.GetGetter().GetClrValue(rows[i]), column.Property.IsNullable));
                }
            }
        }

        /// <summary>Row <paramref name="row"/>'s parameter names as the provider spells them (<c>@j0_3</c>); two threads may make the same array at once, and either serves.</summary>
        private string[] NamesOf(int row)
        {
            if (Volatile.Read(ref _names[row]) is { } made)
            {
                return made;
            }

            var built = Enumerable.Range(0, columns.Count).Select(column => sql.GenerateParameterName(Name(row, column))).ToArray();
            Volatile.Write(ref _names[row], built);
            return built;
        }

        private static string Name(int row, int column) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"j{row}_{column}");
    }
}
