using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using MySqlConnector;

namespace ChatApp.IntegrationTests.Accounts.Email;

/// <summary>The in-process host sending its mails through the real test SMTP server (TLS, AUTH, the pinned certificate).</summary>
public class SmtpChatAppFactory : ChatAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        foreach (var (key, value) in TestSmtpServer.Settings())
        {
            builder.UseSetting(key, value);
        }

        if (SmtpPassword is { } password)
        {
            builder.UseSetting("Email:Smtp:Password", password);
        }
    }

    /// <summary>A password other than the server's, for the tests of a refused sign-in.</summary>
    protected virtual string? SmtpPassword => null;

    /// <summary>Reads rows of this host's database.</summary>
    public async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var connection = new MySqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Makes the user's mails look two minutes old, so the next one is not held back by <c>Email:MailInterval</c>.</summary>
    public Task<int> AgeMailsAsync(Guid userId) => ExecuteAsync(
        "UPDATE accounts_account_tokens SET CreatedAt = DATE_SUB(CreatedAt, INTERVAL 2 MINUTE) WHERE UserId = @user", ("@user", userId));

    /// <summary>Runs SQL on this host's database (to age tokens, read the outbox).</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new MySqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }
}
