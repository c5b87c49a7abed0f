using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatApp.BuildingBlocks.Persistence;

public static class BulkInsert
{
    /// <summary>Keeps a statement well under SQLite's host parameter limit (32,766) and MySQL's packet size.</summary>
    private const int MaxParametersPerStatement = 16_000;

    /// <summary>Inserts the rows with multi-row INSERT statements (not tracked; in the current transaction).</summary>
    public static async Task InsertAllAsync<TEntity>(this DbContext db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var batch = new SqlBatch<TEntity>(db);
        var properties = batch.Properties;
        var header = $"INSERT INTO {batch.Table} ({string.Join(", ", properties.Select(batch.Column))}) VALUES ";
        foreach (var chunk in rows.Chunk(Math.Max(1, MaxParametersPerStatement / properties.Count)))
        {
            batch.Text.Append(header);
            for (var r = 0; r < chunk.Length; r++)
            {
                batch.Text.Append(r == 0 ? "(" : ", (");
                for (var i = 0; i < properties.Count; i++)
                {
                    batch.Text.Append(i == 0 ? "" : ", ").Append(batch.Value(properties[i], properties[i].GetGetter().GetClrValueUsingContainingEntity(chunk[r]!)));
                }

                batch.Text.Append(')');
            }

            await batch.ExecuteAsync(cancellationToken);
        }
    }
}
