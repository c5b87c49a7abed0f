using System.Linq.Expressions;

namespace ChatApp.Modules.Moderation.Paging;

/// <summary>
/// Keyset paging over a (time, id) order, forwards or backwards from a cursor. Rows at the cursor's very instant are
/// picked in memory by comparing ids as text, the order databases sort stored ids in (MariaDB and SQLite keep them as
/// text), so ties never repeat or skip a row; the rest is one indexed range query.
/// </summary>
internal static class Keyset
{
    /// <param name="ascending">The list's order: time (then id) ascending, or both descending.</param>
    /// <param name="backwards">Walk towards the list's start from <paramref name="cursor"/> (a "previous" link); rows come back in the list's order.</param>
    public static async Task<KeysetPage<T>> PageAsync<T>(
        IQueryable<T> source,
        Expression<Func<T, DateTime>> at,
        Expression<Func<T, Guid>> id,
        bool ascending,
        KeysetCursor? cursor,
        bool backwards,
        int take,
        CancellationToken cancellationToken)
    {
        var up = ascending != backwards;
        var idOf = id.Compile();
        var rows = new List<T>();
        if (cursor is not null)
        {
            var cursorId = cursor.Id.ToString();
            var ties = await source.Where(Compare(at, cursor.At, ExpressionType.Equal)).ToListAsync(cancellationToken);
            var beyond = ties.Where(r => up
                ? string.CompareOrdinal(idOf(r).ToString(), cursorId) > 0
                : string.CompareOrdinal(idOf(r).ToString(), cursorId) < 0);
            rows.AddRange(up
                ? beyond.OrderBy(r => idOf(r).ToString(), StringComparer.Ordinal)
                : beyond.OrderByDescending(r => idOf(r).ToString(), StringComparer.Ordinal));
            source = source.Where(Compare(at, cursor.At, up ? ExpressionType.GreaterThan : ExpressionType.LessThan));
        }

        var ordered = up ? source.OrderBy(at).ThenBy(id) : source.OrderByDescending(at).ThenByDescending(id);
        if (rows.Count <= take)
        {
            rows.AddRange(await ordered.Take(take + 1 - rows.Count).ToListAsync(cancellationToken));
        }

        var more = rows.Count > take;
        var page = rows.Take(take).ToList();
        if (backwards)
        {
            page.Reverse();
        }

        return new KeysetPage<T>(page, more);
    }

    /// <summary><c>row => at(row) op value</c>, with the value as a query parameter.</summary>
    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, DateTime>> at, DateTime value, ExpressionType op)
    {
        var holder = new ValueHolder(value);
        var parameter = Expression.Property(Expression.Constant(holder), nameof(ValueHolder.Value));
        return Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(op, at.Body, parameter), at.Parameters);
    }

    private sealed record ValueHolder(DateTime Value);
}
