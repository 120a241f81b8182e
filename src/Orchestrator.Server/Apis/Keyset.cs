using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Orchestrator.Server.Apis;

/// <summary>
/// A list's stable order for keyset paging: a sort column, then a unique id that breaks its ties, both the same way.
/// A page after a cursor seeks past the last row's key instead of skipping rows, so deep pages cost what the first
/// does and rows that arrive meanwhile neither repeat nor push rows off the walk.
/// </summary>
internal abstract class Keyset<T>
{
    protected Keyset(string list) => List = list;

    /// <summary>The list's name inside its cursors.</summary>
    public string List { get; }

    public abstract int KeyParts { get; }

    /// <summary>The rows after <paramref name="key"/> in this order, or null when the key does not parse as this list's key.</summary>
    public abstract IQueryable<T>? After(IQueryable<T> query, IReadOnlyList<string> key);

    /// <summary>Orders, skips and takes, and reads each row's projection with its key.</summary>
    public abstract Task<List<(TRow Row, IReadOnlyList<string> Key)>> TakeAsync<TRow>(
        IQueryable<T> query, int skip, int take, Expression<Func<T, TRow>> select, CancellationToken cancellationToken);
}

/// <summary>Builds <see cref="Keyset{T}"/>s; keys are times, longs or Guids.</summary>
internal static class Keyset
{
    /// <summary>Ordered by a unique id alone (an order's id: newest first when descending).</summary>
    public static Keyset<T> ById<T, TId>(string list, Expression<Func<T, TId>> id, bool descending) =>
        new SortThenId<T, TId, TId>(list, null, id, descending);

    /// <summary>Ordered by <paramref name="sort"/>, then <paramref name="id"/> among rows with the same sort value.</summary>
    public static Keyset<T> Of<T, TSort, TId>(string list, Expression<Func<T, TSort>> sort, Expression<Func<T, TId>> id, bool descending) =>
        new SortThenId<T, TSort, TId>(list, sort, id, descending);

    private sealed class SortThenId<T, TSort, TId>(string list, Expression<Func<T, TSort>>? sort, Expression<Func<T, TId>> id, bool descending)
        : Keyset<T>(list)
    {
        public override int KeyParts => sort is null ? 1 : 2;

        public override IQueryable<T>? After(IQueryable<T> query, IReadOnlyList<string> key)
        {
            var row = id.Parameters[0];
            var idColumn = id.Body;
            if (sort is null)
            {
                return TryParse<TId>(key[0], out var onlyId) ? query.Where(Expression.Lambda<Func<T, bool>>(Beyond(idColumn, Parameter(onlyId)), row)) : null;
            }

            if (!TryParse<TSort>(key[0], out var lastSort) || !TryParse<TId>(key[1], out var lastId))
            {
                return null;
            }

            // sort not before the last (a range an index can seek to), and beyond it or tied with a later id;
            // the values go in as parameters, not constants, so every page shares one cached query
            var sortColumn = ReplacingExpressionVisitor.Replace(sort.Parameters[0], row, sort.Body);
            var sortValue = Parameter(lastSort);
            var notBefore = descending ? Expression.LessThanOrEqual(sortColumn, sortValue) : Expression.GreaterThanOrEqual(sortColumn, sortValue);
            var beyond = Expression.OrElse(
                Beyond(sortColumn, sortValue),
                Expression.AndAlso(Expression.Equal(sortColumn, sortValue), Beyond(idColumn, Parameter(lastId))));
            return query.Where(Expression.Lambda<Func<T, bool>>(Expression.AndAlso(notBefore, beyond), row));
        }

        public override async Task<List<(TRow Row, IReadOnlyList<string> Key)>> TakeAsync<TRow>(
            IQueryable<T> query, int skip, int take, Expression<Func<T, TRow>> select, CancellationToken cancellationToken)
        {
            var ordered = sort is null
                ? descending ? query.OrderByDescending(id) : query.OrderBy(id)
                : descending ? query.OrderByDescending(sort).ThenByDescending(id) : query.OrderBy(sort).ThenBy(id);
            var rows = await ordered.Skip(skip).Take(take).Select(WithKey(select)).ToListAsync(cancellationToken);
            return rows.Select(r => (r.Row, (IReadOnlyList<string>)(sort is null ? [Format(r.Id)] : [Format(r.Sort), Format(r.Id)]))).ToList();
        }

        // Guid has no < operator; EF Core translates CompareTo against 0 into the column comparison.
        private BinaryExpression Beyond(Expression column, Expression last) => column.Type == typeof(Guid)
            ? Compare(Expression.Call(column, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, last), Expression.Constant(0))
            : Compare(column, last);

        private BinaryExpression Compare(Expression left, Expression right) => descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);

        private Expression<Func<T, Keyed<TRow, TSort, TId>>> WithKey<TRow>(Expression<Func<T, TRow>> select)
        {
            var row = select.Parameters[0];
            var type = typeof(Keyed<TRow, TSort, TId>);
            var bindings = new List<MemberBinding>
            {
                Expression.Bind(type.GetProperty(nameof(Keyed<TRow, TSort, TId>.Row))!, select.Body),
                Expression.Bind(type.GetProperty(nameof(Keyed<TRow, TSort, TId>.Id))!, ReplacingExpressionVisitor.Replace(id.Parameters[0], row, id.Body)),
            };
            if (sort is not null)
            {
                bindings.Add(Expression.Bind(type.GetProperty(nameof(Keyed<TRow, TSort, TId>.Sort))!, ReplacingExpressionVisitor.Replace(sort.Parameters[0], row, sort.Body)));
            }

            return Expression.Lambda<Func<T, Keyed<TRow, TSort, TId>>>(Expression.MemberInit(Expression.New(type), bindings), row);
        }
    }

    /// <summary>A row read with its key; a class with setters so EF Core can translate it.</summary>
    private sealed class Keyed<TRow, TSort, TId>
    {
        public TRow Row { get; init; } = default!;

        public TSort Sort { get; init; } = default!;

        public TId Id { get; init; } = default!;
    }

    /// <summary>Holds a cursor value so EF Core sends it as a parameter (one cached query for every page).</summary>
    private sealed class Boxed<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    private static MemberExpression Parameter<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Boxed<TValue>(value)), nameof(Boxed<TValue>.Value));

    private static string Format<TValue>(TValue value) => value switch
    {
        DateTime time => time.Ticks.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("N"),
        _ => throw new NotSupportedException($"A keyset key is a time, a long or a Guid, not {typeof(TValue).Name}."),
    };

    private static bool TryParse<TValue>(string text, out TValue value)
    {
        object? parsed = null;
        if (typeof(TValue) == typeof(DateTime)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks)
        {
            parsed = new DateTime(ticks, DateTimeKind.Utc);
        }
        else if (typeof(TValue) == typeof(long) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            parsed = number;
        }
        else if (typeof(TValue) == typeof(Guid) && Guid.TryParseExact(text, "N", out var guid))
        {
            parsed = guid;
        }

        value = parsed is TValue typed ? typed : default!;
        return parsed is not null;
    }
}
