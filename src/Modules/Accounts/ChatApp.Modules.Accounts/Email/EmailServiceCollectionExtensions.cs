using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Email;

internal static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Account mails: SMTP when <c>Email:Smtp:Host</c> is set, otherwise the pickup folder (Development only, checked at
    /// start by <see cref="EmailOptionsValidator"/>), plus the tokens and texts they carry.
    /// </summary>
    public static IServiceCollection AddAccountEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<AccountMails>();
        services.AddScoped<AccountTokens>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<PickupDirectoryEmailSender>();
        services.AddSingleton<IEmailSender>(provider => provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? provider.GetRequiredService<SmtpEmailSender>()
            : provider.GetRequiredService<PickupDirectoryEmailSender>());
        services.AddHostedService<PickupDirectoryAnnouncement>();
        return services;
    }
}
