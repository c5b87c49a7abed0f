using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>
/// The embedded default: each mail becomes a .eml file in <see cref="EmailOptions.PickupDirectory"/> (written to a
/// temporary name, then renamed, so a reader never sees half a mail). Open them with any mail program.
/// </summary>
internal sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider timeProvider) : IEmailSender
{
    public string Directory { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    private readonly string _from = options.Value.DefaultFrom;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        using var mime = MimeMessages.Create(message, _from, timeProvider);
        var name = $"{timeProvider.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(Directory, "." + name + ".tmp");
        await mime.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(Directory, name + ".eml"));
    }
}
