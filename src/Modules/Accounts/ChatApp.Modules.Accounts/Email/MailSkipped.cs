using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>The log line of a mail not sent (too soon after the last one, too many today, or its token is used up already).</summary>
internal static partial class MailSkipped
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped a {Purpose} mail for user {UserId} (event {EventId}): sent too recently or too often, or its token is no longer live")]
    public static partial void Log(ILogger logger, string purpose, Guid userId, Guid eventId);
}
