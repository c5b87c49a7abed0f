using MimeKit;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into the MIME message both senders write (multipart/alternative: text, then HTML).</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(EmailMessage message, string from, TimeProvider timeProvider)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = timeProvider.GetUtcNow(),
            Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody(),
        };
        mime.From.Add(MailboxAddress.Parse(from));
        // The bare address only: a display name or a second address in it would never reach the header.
        mime.To.Add(new MailboxAddress("", message.To));
        return mime;
    }
}
