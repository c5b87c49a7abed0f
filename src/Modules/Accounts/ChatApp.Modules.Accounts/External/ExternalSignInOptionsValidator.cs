using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.External;

/// <summary>Refuses to start with a non-positive timeout or size, or a picture origin that is not <c>scheme://host[:port]</c>.</summary>
internal sealed class ExternalSignInOptionsValidator : IValidateOptions<ExternalSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, ExternalSignInOptions options)
    {
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Accounts:External:Timeout must be positive.");
        }

        if (options.PictureTimeout <= TimeSpan.Zero)
        {
            failures.Add("Accounts:External:PictureTimeout must be positive.");
        }

        if (options.PictureMaxBytes <= 0)
        {
            failures.Add("Accounts:External:PictureMaxBytes must be positive.");
        }

        if (options.PictureAttempts < 1)
        {
            failures.Add("Accounts:External:PictureAttempts must be at least 1.");
        }

        if (options.PictureRetryDelay <= TimeSpan.Zero)
        {
            failures.Add("Accounts:External:PictureRetryDelay must be positive.");
        }

        foreach (var provider in ExternalProviders.All)
        {
            foreach (var origin in options.PictureOriginsOf(provider))
            {
                if (!PictureOrigin.TryParse(origin, out _))
                {
                    failures.Add($"Accounts:External:{provider}:PictureOrigins has '{origin}', which is not scheme://host[:port] (http or https; the host may start with '*.').");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
