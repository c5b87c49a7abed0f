namespace ChatApp.Modules.Accounts.Email;

/// <summary>
/// Hands a mail to the mail system. Called only from outbox handlers (after the commit, retried): a failure throws,
/// and the outbox keeps the message and tries again.
/// </summary>
internal interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
