using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Persistence.Writes;

/// <summary>
/// Writes a workflow step's commit of its instance row, where the row still has the revision the run read, together with
/// the step's journal entries, in one command of the server's own inside the commit's transaction. The row used to be
/// attached to the run's context at every commit: EF then fixed up its navigation against the tracked order, compared
/// every column (the state's JSON included) when detecting changes, wrote it with the run's other rows, and let it go
/// again after the save. It is the runtime's row, and a commit always writes the same columns of it.
/// <list type="bullet">
/// <item>Written: what <c>InstanceRecords.Describe</c> sets, the state and the revision. The row's other columns (its
/// definition, order, shop, creation time) never change after it is created.</item>
/// <item>The revision is the row's concurrency token, checked as EF checks it: when the row is not there with the
/// revision the run read (another server ran the instance, or it was deleted), EF's own
/// <see cref="DbUpdateConcurrencyException"/> is thrown, as before, and the caller rolls the transaction back.</item>
/// <item>One command: the UPDATE and the journal's INSERT (<see cref="JournalRows"/>, its first 150 rows) are sent
/// together, and the rows it reports changed are the journal's plus one when the UPDATE found its row. On PostgreSQL
/// that is one round trip where the row used to go in EF's batch and the journal in a command of its own. On a SQLite
/// group's connection the command is kept (<see cref="StatementCache"/>), one per journal length.</item>
/// </list>
/// </summary>
public static class InstanceRows
{
    /// <summary>The columns a commit writes, by property; the key and the revision read are the WHERE clause.</summary>
    private static readonly string[] Written =
    [
        nameof(WorkflowInstanceRecord.Status), nameof(WorkflowInstanceRecord.CurrentActivityId), nameof(WorkflowInstanceRecord.WaitingFor),
        nameof(WorkflowInstanceRecord.BlockedReason), nameof(WorkflowInstanceRecord.NextWakeAt), nameof(WorkflowInstanceRecord.StateJson),
        nameof(WorkflowInstanceRecord.UpdatedAt), nameof(WorkflowInstanceRecord.FinishedAt), nameof(WorkflowInstanceRecord.Revision),
    ];

    private static readonly ConditionalWeakTable<IModel, Shape> Shapes = new();

    /// <summary>
    /// Stores <paramref name="row"/>'s state where its stored revision is <paramref name="readRevision"/>, and
    /// <paramref name="journal"/>, inside <paramref name="db"/>'s transaction (a commit's, or its share of a group commit).
    /// </summary>
    public static async Task WriteAsync(
        OrchestratorDbContext db, WorkflowInstanceRecord row, int readRevision, IReadOnlyList<WorkflowJournalRecord> journal, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A workflow instance's row is written inside the commit's transaction: begin it first.");
        var shape = Shapes.GetValue(db.Model, model => Shape.Of(model, db.GetService<ISqlGenerationHelper>()));
        var entries = JournalRows.ShapeOf(db);
        var together = journal.Count <= JournalRows.MaxRowsPerCommand ? journal : journal.Take(JournalRows.MaxRowsPerCommand).ToList();
        var changed = await StatementCache.ExecuteAsync(
            db, transaction, shape.SqlWith(entries, together.Count), (shape, row, readRevision, entries, together),
            static (command, s) =>
            {
                s.shape.Bind(command, s.row, s.readRevision);
                s.entries.Bind(command, s.together);
            },
            cancellationToken);
        if (changed != together.Count + 1)
        {
            throw new DbUpdateConcurrencyException(
                $"Workflow instance {row.Id} is no longer stored at revision {readRevision}: another run changed it, or it was deleted.");
        }

        if (together.Count < journal.Count)
        {
            await JournalRows.InsertAsync(db, journal.Skip(together.Count).ToList(), cancellationToken);
        }
    }

    /// <summary>A column written or compared: its parameter's name as the provider spells it, and its placeholder in the SQL.</summary>
    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, string Parameter, string Placeholder);

    private sealed class Shape(string update, IReadOnlyList<Column> written, Column key, Column revision)
    {
        /// <summary>The command's text for each journal length, made on first use; a length's text never changes, so a kept command's stays valid.</summary>
        private readonly string?[] _withEntries = new string?[JournalRows.MaxRowsPerCommand + 1];

        public static Shape Of(IModel model, ISqlGenerationHelper sql)
        {
            var table = StoreTable.Of(model, typeof(WorkflowInstanceRecord), sql);
            Column ColumnOf(string property, int index)
            {
                var p = table.Property(property);
                var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"i{index}");
                return new Column(p, (RelationalTypeMapping)p.GetRelationalTypeMapping(), sql.GenerateParameterName(name), sql.GenerateParameterNamePlaceholder(name));
            }

            var written = Written.Select(ColumnOf).ToList();
            var key = ColumnOf(nameof(WorkflowInstanceRecord.Id), written.Count);
            var revision = ColumnOf(nameof(WorkflowInstanceRecord.Revision), written.Count + 1);
            string Name(Column c) => table.Column(c.Property);
            var text = $"UPDATE {table.Name} SET "
                + string.Join(", ", written.Select(c => $"{Name(c)} = {c.Placeholder}"))
                + $" WHERE {Name(key)} = {key.Placeholder} AND {Name(revision)} = {revision.Placeholder}";
            return new Shape(text, written, key, revision);
        }

        public string SqlWith(JournalRows.Shape entries, int count)
        {
            if (Volatile.Read(ref _withEntries[count]) is { } made)
            {
                return made;
            }

            var text = new StringBuilder(update);
            if (count > 0)
            {
                text.Append(";\n").Append(entries.SqlFor(count));
            }

            // Two threads may make the same text at once: either copy is the same SQL.
            var built = text.ToString();
            Volatile.Write(ref _withEntries[count], built);
            return built;
        }

        public void Bind(DbCommand command, WorkflowInstanceRecord row, int readRevision)
        {
            foreach (var column in written)
            {
                Add(command, column, column.Property.GetGetter().GetClrValue(row));
            }

            Add(command, key, row.Id);
            Add(command, revision, readRevision);
        }

        private static void Add(DbCommand command, Column column, object? value) =>
            command.Parameters.Add(column.Mapping.CreateParameter(command, column.Parameter, value, column.Property.IsNullable));
    }
}
