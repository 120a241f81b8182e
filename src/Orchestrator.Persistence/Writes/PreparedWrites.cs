using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Orchestrator.Persistence.Diagnostics;

// InternalEntityEntry is EF's own row state: reading a property's current, original and modified state from it costs
// no PropertyEntry per column, and SetStoreGeneratedValue and AcceptChanges are what SaveChanges does after a save. It
// is "internal API" to EF (EF1001); a new EF version is checked by PreparedWritesTests and the whole suite, which runs
// every workflow with this writer on.
#pragma warning disable EF1001

namespace Orchestrator.Persistence.Writes;

/// <summary>
/// Writes a save's edited rows, and the added rows nothing refers to, with one prepared statement per row (sent in one
/// batch on PostgreSQL) instead of EF's update pipeline (DESIGN.md §6: the hot path's writes as prepared raw statements;
/// <see cref="OrchestratorDbContext.WritesDirectly"/>). What a workflow run changes between two commits is a handful of
/// rows (its instance, its order, a package, a reservation, a waybill), each a few columns; EF builds a modification
/// command, a batch, parameters and a result reader for each, every time. Here each shape (a table and the columns
/// written) has its SQL built once per model, and on a connection that lives long (the SQLite group commit's) the
/// command itself is kept, so SQLite compiles the statement once rather than once per row.
/// <list type="bullet">
/// <item>Written here: rows Modified, and rows Added whose table nothing refers to, of a plain table (one table, one
/// key column, no column the database fills but an identity key). Left to EF's save that follows: deletes (a save with
/// any makes this writer stand aside), rows a save interceptor watches (the audit trail's, master data, another
/// order's: <see cref="ISaveWatcher"/>), rows pointing at a row added in the same save, and inserts on SQL Server (no
/// RETURNING clause there; EF's OUTPUT handling stays).</item>
/// <item>A concurrency token (a row's version) is checked as EF does, in the WHERE clause; a row that is not there
/// with that version throws EF's own <see cref="DbUpdateConcurrencyException"/>, naming the row.</item>
/// <item>Only inside the caller's transaction: nothing here commits. Rows are marked saved (keys filled in, changes
/// accepted) only once every statement has run; a failure leaves them as they were for the caller's rollback.</item>
/// <item>Quoting and parameter names come from the provider (<see cref="ISqlGenerationHelper"/>), parameter types and
/// conversions from the model's type mappings.</item>
/// </list>
/// </summary>
internal static class PreparedWrites
{
    /// <summary>A row's columns are tracked in a 128-bit mask; a table with more is left to EF.</summary>
    private const int MaxColumns = 128;

    private static readonly ConditionalWeakTable<IEntityType, TableShape> Shapes = new();

    /// <summary>
    /// Which database a model is for (one model, one provider), asked once. What differs: SQLite and PostgreSQL take
    /// <c>INSERT … RETURNING</c> (SQL Server would need <c>OUTPUT</c>: its inserts stay EF's); PostgreSQL gets a save's
    /// statements in one batch, as EF sends them there. Only what the suite runs against a live database is switched on.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, StrongBox<DatabaseProvider?>> Providers = new();

    /// <summary>Which database <paramref name="db"/>'s model is for; null when none of the project's providers.</summary>
    public static DatabaseProvider? ProviderOf(DbContext db) =>
        Providers.GetValue(db.Model, _ => new StrongBox<DatabaseProvider?>(db.Database.ProviderName switch
        {
            { } name when name.Contains("Sqlite", StringComparison.Ordinal) => DatabaseProvider.Sqlite,
            { } name when name.Contains("Npgsql", StringComparison.Ordinal) => DatabaseProvider.PostgreSql,
            { } name when name.Contains("SqlServer", StringComparison.Ordinal) => DatabaseProvider.SqlServer,
            _ => null,
        })).Value;

    /// <summary>
    /// Writes what it can of the save and accepts it; returns how many rows. Change detection must have run (the
    /// context's save detects once and pauses it). <paramref name="watched"/> says which rows an interceptor must see.
    /// </summary>
    public static async Task<int> WriteAsync(OrchestratorDbContext db, Func<object, bool> watched, DatabaseActivity? activity, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not { } transaction)
        {
            return 0;
        }

        var states = db.GetService<IStateManager>();
        var sql = db.GetService<ISqlGenerationHelper>();
        var provider = ProviderOf(db);
        var returning = provider is DatabaseProvider.Sqlite or DatabaseProvider.PostgreSql;
        List<(InternalEntityEntry Entry, Statement Statement)>? rows = null;
        foreach (var entry in states.Entries)
        {
            if (entry.EntityState == EntityState.Deleted)
            {
                // EF orders deletes against inserts and edits (a unique value freed and taken in one save): all of it is EF's.
                return 0;
            }

            if (entry.EntityState is not (EntityState.Modified or EntityState.Added) || (entry.EntityState == EntityState.Added && !returning)
                || Shapes.GetValue(entry.EntityType, type => TableShape.Of(type, sql)) is not { Supported: true } shape
                || (entry.EntityState == EntityState.Modified ? shape.UpdateFor(entry) : shape.InsertFor(entry)) is not { } statement
                || PointsAtAnAddedRow(states, entry) || watched(entry.Entity))
            {
                continue;
            }

            (rows ??= []).Add((entry, statement));
        }

        if (rows is null)
        {
            return 0;
        }

        var connection = transaction.Connection ?? db.Database.GetDbConnection();
        var kept = StatementCache.For(db, connection, provider);
        var generated = new object?[rows.Count];
        int sent;
        if (provider == DatabaseProvider.PostgreSql && rows.Count > 1 && connection.CanCreateBatch)
        {
            // A server round trip per row would cost more than EF's one batch (PostgreSQL): one batch here too.
            await ExecuteBatchAsync(rows, connection, transaction, generated, cancellationToken);
            sent = 1;
        }
        else
        {
            await ExecuteEachAsync(rows, connection, transaction, kept, generated, cancellationToken);
            sent = rows.Count;
        }

        activity?.CountRaw(sent);
        for (var i = 0; i < rows.Count; i++)
        {
            var (entry, statement) = rows[i];
            if (statement.Returns is { } key)
            {
                entry.SetStoreGeneratedValue(key.Property, key.FromStore(generated[i]));
            }

            entry.AcceptChanges();
        }

        return rows.Count;
    }

    /// <summary>One command per row: on a kept command (SQLite's group connection, compiled once) or a new one.</summary>
    private static async Task ExecuteEachAsync(
        List<(InternalEntityEntry Entry, Statement Statement)> rows, DbConnection connection, DbTransaction transaction, StatementCache? kept, object?[] generated,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var (entry, statement) = rows[i];
            var command = StatementCache.Rent(kept, connection, transaction, statement.Sql);
            try
            {
                statement.Bind(command, command.Parameters, entry);
                if (statement.Returns is not null)
                {
                    generated[i] = await command.ExecuteScalarAsync(cancellationToken);
                    continue;
                }

                Check(entry, statement, await command.ExecuteNonQueryAsync(cancellationToken));
            }
            finally
            {
                await StatementCache.ReturnAsync(kept, command);
            }
        }
    }

    /// <summary>
    /// Every row's statement in one ADO.NET batch (one round trip), as EF batches a save on PostgreSQL. The keys inserts
    /// return come back as result sets in the order of those inserts; each edit's rows affected, once the batch is read.
    /// </summary>
    private static async Task ExecuteBatchAsync(
        List<(InternalEntityEntry Entry, Statement Statement)> rows, DbConnection connection, DbTransaction transaction, object?[] generated, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        await using var factory = connection.CreateCommand();
        batch.Transaction = transaction;
        foreach (var (entry, statement) in rows)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Sql;
            statement.Bind(factory, command.Parameters, entry);
            batch.BatchCommands.Add(command);
        }

        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            var first = true;
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Statement.Returns is null)
                {
                    continue;
                }

                if (!first && !await reader.NextResultAsync(cancellationToken) || !await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"The batch returned no generated key for its {rows[i].Entry.EntityType.DisplayName()} row.");
                }

                generated[i] = reader.GetValue(0);
                first = false;
            }

            while (await reader.NextResultAsync(cancellationToken))
            {
                // Read to the end, so every command's rows affected is known.
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Statement.Returns is null)
            {
                Check(rows[i].Entry, rows[i].Statement, batch.BatchCommands[i].RecordsAffected);
            }
        }
    }

    /// <summary>An edit must have found its row (with its concurrency token, when it has one): otherwise EF's own concurrency error, naming the row.</summary>
    private static void Check(InternalEntityEntry entry, Statement statement, int affected)
    {
        if (affected != 1)
        {
            throw new DbUpdateConcurrencyException(
                $"The {entry.EntityType.DisplayName()} row {statement.Describe(entry)} was changed or deleted since it was read (expected 1 row updated, {affected} were).",
                [entry]);
        }
    }

    /// <summary>A row whose reference (changed, or all of them when added) points at a row added in this save: EF inserts that one first.</summary>
    private static bool PointsAtAnAddedRow(IStateManager states, InternalEntityEntry entry)
    {
        foreach (var foreignKey in entry.EntityType.GetForeignKeys())
        {
            if (entry.EntityState == EntityState.Modified && !foreignKey.Properties.Any(entry.IsModified))
            {
                continue;
            }

            if (foreignKey.Properties.Any(entry.HasTemporaryValue) || states.FindPrincipal(entry, foreignKey) is { EntityState: EntityState.Added })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One column of a table: its property, its name quoted, its type mapping.</summary>
    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        /// <summary>A value the database returned for this column, as the property holds it.</summary>
        public object? FromStore(object? value) => value is null or DBNull
            ? null
            : Mapping.Converter is { } converter
                ? converter.ConvertFromProvider(Convert.ChangeType(value, converter.ProviderClrType, System.Globalization.CultureInfo.InvariantCulture))
                : Convert.ChangeType(value, Nullable.GetUnderlyingType(Property.ClrType) ?? Property.ClrType, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One statement: its SQL, the columns it binds in order (current values, then the original concurrency token), and the key it returns.</summary>
    private sealed class Statement(string sql, IReadOnlyList<Column> values, Column? token, Column? returns, ISqlGenerationHelper names)
    {
        public string Sql { get; } = sql;

        /// <summary>The key the database generates, read back (an insert without the key's value).</summary>
        public Column? Returns { get; } = returns;

        /// <summary>Adds the row's values to <paramref name="into"/>, parameters made by <paramref name="factory"/> (the command, or one standing in for a batch's).</summary>
        public void Bind(DbCommand factory, DbParameterCollection into, InternalEntityEntry entry)
        {
            var i = 0;
            foreach (var column in values)
            {
                into.Add(Parameter(factory, column, entry.GetCurrentValue(column.Property), i++));
            }

            if (token is not null)
            {
                into.Add(Parameter(factory, token, entry.GetOriginalValue(token.Property), i));
            }
        }

        public string Describe(InternalEntityEntry entry)
        {
            var key = entry.EntityType.FindPrimaryKey()!.Properties[0];
            return token is null
                ? $"{key.Name} {entry.GetCurrentValue(key)}"
                : $"{key.Name} {entry.GetCurrentValue(key)} ({token.Property.Name} {entry.GetOriginalValue(token.Property)})";
        }

        private DbParameter Parameter(DbCommand command, Column column, object? value, int index) =>
            column.Mapping.CreateParameter(command, names.GenerateParameterName("p" + index), value, column.Property.IsNullable);
    }

    /// <summary>A table's columns once per model, and its statements once per set of columns written.</summary>
    private sealed class TableShape
    {
        private readonly ConcurrentDictionary<UInt128, Statement> _updates = new();
        private readonly ConcurrentDictionary<bool, Statement> _inserts = new();
        private readonly string _table = "";
        private readonly Column[] _columns = [];
        private readonly Column? _key;
        private readonly Column? _token;
        private readonly ISqlGenerationHelper? _sql;
        private readonly bool _insertable;

        private TableShape()
        {
        }

        private TableShape(string table, Column[] columns, Column key, Column? token, ISqlGenerationHelper sql, bool insertable)
        {
            _table = table;
            _columns = columns;
            _key = key;
            _token = token;
            _sql = sql;
            _insertable = insertable;
            Supported = true;
        }

        public bool Supported { get; }

        /// <summary>
        /// A plain table only: one table, a single-column key, no column the database computes on update, at most
        /// <see cref="MaxColumns"/> columns, at most one concurrency token. Anything else (table splitting, owned types,
        /// inheritance) is EF's. Inserts besides: no table refers to this one, and no column but the key has a value the
        /// database makes (a default, a computed column).
        /// </summary>
        public static TableShape Of(IEntityType type, ISqlGenerationHelper sql)
        {
            if (type.GetTableName() is not { } name || type.FindPrimaryKey() is not { Properties: [var keyProperty] }
                || type.GetTableMappings().Count() != 1 || type.IsOwned() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
                || type.GetComplexProperties().Any() || type.GetDerivedTypes().Any() || type.BaseType is not null)
            {
                return new TableShape();
            }

            var table = StoreObjectIdentifier.Table(name, type.GetSchema());
            var properties = type.GetProperties().ToList();
            var tokens = properties.Where(p => p.IsConcurrencyToken).ToList();
            if (properties.Count > MaxColumns || tokens.Count > 1 || tokens.Any(t => t.IsNullable)
                || properties.Any(p => p.ValueGenerated.HasFlag(ValueGenerated.OnUpdate) || p.GetColumnName(table) is null))
            {
                return new TableShape();
            }

            var insertable = !type.GetReferencingForeignKeys().Any()
                && properties.All(p => p == keyProperty || (p.ValueGenerated == ValueGenerated.Never && p.GetDefaultValueSql(table) is null
                    && p.GetComputedColumnSql(table) is null && !p.TryGetDefaultValue(table, out _)));
            Column ColumnOf(IProperty p) => new(p, sql.DelimitIdentifier(p.GetColumnName(table)!), (RelationalTypeMapping)p.GetRelationalTypeMapping());
            return new TableShape(
                sql.DelimitIdentifier(table.Name, table.Schema),
                [.. properties.Select(ColumnOf)],
                ColumnOf(keyProperty),
                tokens is [var token] ? ColumnOf(token) : null,
                sql,
                insertable);
        }

        /// <summary>The UPDATE for what this row changed; null when nothing did, or a changed column is the key or holds a temporary value.</summary>
        public Statement? UpdateFor(InternalEntityEntry entry)
        {
            UInt128 changed = 0;
            for (var i = 0; i < _columns.Length; i++)
            {
                var property = _columns[i].Property;
                if (!entry.IsModified(property))
                {
                    continue;
                }

                if (property.IsKey() || entry.HasTemporaryValue(property))
                {
                    return null;
                }

                changed |= UInt128.One << i;
            }

            return changed == 0 ? null : _updates.GetOrAdd(changed, BuildUpdate);
        }

        /// <summary>The INSERT for this added row: without its key when the database is to make it (read back), with it otherwise.</summary>
        public Statement? InsertFor(InternalEntityEntry entry) =>
            !_insertable ? null : _inserts.GetOrAdd(entry.HasTemporaryValue(_key!.Property), BuildInsert);

        private Statement BuildUpdate(UInt128 changed)
        {
            var set = _columns.Where((_, i) => (changed & (UInt128.One << i)) != 0).ToList();
            var sql = new StringBuilder("UPDATE ").Append(_table).Append(" SET ");
            for (var i = 0; i < set.Count; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append(set[i].Name).Append(" = ").Append(Placeholder(i));
            }

            sql.Append(" WHERE ").Append(_key!.Name).Append(" = ").Append(Placeholder(set.Count));
            if (_token is not null)
            {
                sql.Append(" AND ").Append(_token.Name).Append(" = ").Append(Placeholder(set.Count + 1));
            }

            return new Statement(sql.ToString(), [.. set, _key], _token, returns: null, _sql!);
        }

        private Statement BuildInsert(bool keyFromStore)
        {
            var values = keyFromStore ? _columns.Where(c => c != _key).ToList() : [.. _columns];
            var sql = new StringBuilder("INSERT INTO ").Append(_table).Append(" (")
                .AppendJoin(", ", values.Select(c => c.Name)).Append(") VALUES (")
                .AppendJoin(", ", values.Select((_, i) => Placeholder(i))).Append(')');
            if (keyFromStore)
            {
                sql.Append(" RETURNING ").Append(_key!.Name);
            }

            return new Statement(sql.ToString(), values, token: null, keyFromStore ? _key : null, _sql!);
        }

        private string Placeholder(int index) => _sql!.GenerateParameterNamePlaceholder("p" + index);
    }
}
