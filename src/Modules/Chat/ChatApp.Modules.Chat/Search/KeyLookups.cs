using ChatApp.BuildingBlocks.Persistence;

namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// Many point (or short range) lookups in one statement: the conditions OR-ed in groups of <see cref="GroupSize"/>, the
/// groups joined by <c>UNION ALL</c>. One long OR list makes MariaDB's range optimizer give up (past its memory limit)
/// and test every condition on every row of the table: with 3,000 block keys that took over 30 s on an almost empty
/// table; small groups each become index lookups.
/// </summary>
internal static class KeyLookups
{
    public const int GroupSize = 32;

    /// <summary>Writes the condition text for <see cref="SqlBatch{TEntity}.Where"/>: every item's condition, grouped.</summary>
    public static void Append<TEntity, TItem>(SqlBatch<TEntity> sql, IReadOnlyList<TItem> items, string? common, Action<SqlBatch<TEntity>, TItem> condition)
        where TEntity : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i % GroupSize == 0)
            {
                if (i > 0)
                {
                    sql.Text.Append($") UNION ALL SELECT * FROM {sql.Table} WHERE ");
                }

                sql.Text.Append(common is null ? "(" : common + " AND (");
            }
            else
            {
                sql.Text.Append(" OR ");
            }

            sql.Text.Append('(');
            condition(sql, items[i]);
            sql.Text.Append(')');
        }

        sql.Text.Append(')');
    }
}
