using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat;

/// <summary>
/// Refuses to start with invite settings that would hand out broken links (ADR 0016, fail fast): the link base must be
/// an absolute http(s) URL, and not localhost outside Development (phones could not open it); the default lifetime at
/// most the longest one, the longest at least a minute, some links allowed, and message search given a positive block budget.
/// </summary>
internal sealed class ChatOptionsValidator(IHostEnvironment environment) : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.InviteLinkBaseUrl, UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Chat:InviteLinkBaseUrl must be an absolute http(s) URL (the page that opens the app), e.g. https://chat.example.com/i/.");
        }
        else if (link.IsLoopback && !environment.IsDevelopment())
        {
            failures.Add("Chat:InviteLinkBaseUrl must be set in Production, i.e. any environment but Development, to a public URL (not localhost), e.g. https://chat.example.com/i/.");
        }

        if (options.InviteMaxLifetime < TimeSpan.FromSeconds(60))
        {
            failures.Add("Chat:InviteMaxLifetime must be at least 60 seconds.");
        }

        if (options.InviteDefaultLifetime <= TimeSpan.Zero || options.InviteDefaultLifetime > options.InviteMaxLifetime)
        {
            failures.Add("Chat:InviteDefaultLifetime must be positive and at most Chat:InviteMaxLifetime.");
        }

        if (options.MaxActiveInvites <= 0)
        {
            failures.Add("Chat:MaxActiveInvites must be positive.");
        }

        if (options.SearchBlockBudget <= 0)
        {
            failures.Add("Chat:SearchBlockBudget must be positive (message search blocks tested per request).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
