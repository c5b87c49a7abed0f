using System.Text;
using MySqlConnector;

namespace ChatApp.IntegrationTests.Accounts.Deletion;

/// <summary>Every text, character, JSON and binary column of every table of a database, searched for strings.</summary>
public static class DatabaseScan
{
    private static readonly string[] TextTypes =
        ["char", "varchar", "tinytext", "text", "mediumtext", "longtext", "json", "enum", "set", "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob"];

    /// <summary>"table.column: needle" for every cell that contains a needle (case-insensitive); also how many columns were read.</summary>
    public static async Task<(List<string> Found, int Columns, int Tables)> FindAsync(string connectionString, IReadOnlyCollection<string> needles)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c
                JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'
                WHERE c.TABLE_SCHEMA = DATABASE() AND c.DATA_TYPE IN ({string.Join(", ", TextTypes.Select(t => $"'{t}'"))})
                ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var found = new List<string>();
        foreach (var table in columns.GroupBy(c => c.Table))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", table.Select(c => $"`{c.Column}`"))} FROM `{table.Key}`";
            await using var reader = await command.ExecuteReaderAsync();
            var names = table.Select(c => c.Column).ToList();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < names.Count; i++)
                {
                    if (reader.IsDBNull(i))
                    {
                        continue;
                    }

                    var value = reader.GetValue(i) switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    };
                    found.AddRange(needles.Where(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"{table.Key}.{names[i]}: {n}"));
                }
            }
        }

        return (found, columns.Count, columns.Select(c => c.Table).Distinct().Count());
    }
}
