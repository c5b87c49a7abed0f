using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>Says at startup where the embedded default writes mails, so a developer can find the verification codes.</summary>
internal sealed class PickupDirectoryAnnouncement(IOptions<EmailOptions> options, PickupDirectoryEmailSender sender, ILogger<PickupDirectoryAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.UsesSmtp)
        {
            logger.LogInformation("No SMTP server configured (Email:Smtp:Host): account mails are written as .eml files to {MailDirectory}", sender.Directory);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
