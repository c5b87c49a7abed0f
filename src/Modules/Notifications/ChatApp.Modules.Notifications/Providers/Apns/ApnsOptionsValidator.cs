using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Notifications.Providers.Apns;

/// <summary>
/// Refuses to start with half an APNs configuration (a key without its Key ID or Team ID, or the reverse) or a key that
/// is not an EC private key; none at all is fine (iOS pushes are off).
/// </summary>
internal sealed class ApnsOptionsValidator : IValidateOptions<ApnsOptions>
{
    public ValidateOptionsResult Validate(string? name, ApnsOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.KeyP8) && !string.IsNullOrWhiteSpace(options.KeyFile))
        {
            problems.Add("Set one of Notifications:Apns:KeyP8 and Notifications:Apns:KeyFile, not both.");
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(options.KeyP8) && string.IsNullOrWhiteSpace(options.KeyFile))
        {
            missing.Add("KeyP8 (or KeyFile)");
        }

        if (string.IsNullOrWhiteSpace(options.KeyId))
        {
            missing.Add("KeyId");
        }

        if (string.IsNullOrWhiteSpace(options.TeamId))
        {
            missing.Add("TeamId");
        }

        if (missing.Count > 0)
        {
            problems.Add("iOS pushes need Notifications:Apns:KeyP8 (or KeyFile), KeyId and TeamId together; missing: " + string.Join(", ", missing) + ".");
        }

        if (!string.Equals(options.Environment, ApnsOptions.Production, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.Environment, ApnsOptions.Sandbox, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Notifications:Apns:Environment must be '{ApnsOptions.Production}' or '{ApnsOptions.Sandbox}', not '{options.Environment}'.");
        }

        if (options.BaseAddress is { IsAbsoluteUri: false })
        {
            problems.Add("Notifications:Apns:BaseAddress must be an absolute address.");
        }

        if (options.LoadKey() is { } key)
        {
            if (!key.IsSuccess)
            {
                problems.Add(key.Error.Message);
            }
            else if (KeyProblem(key.Value) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string? KeyProblem(string pem)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(pem);
            return key.KeySize == 256 ? null : "The APNs key (Notifications:Apns) must be a P-256 key (.p8 from the Apple developer account).";
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            return "The APNs key (Notifications:Apns:KeyP8 or KeyFile) is not an EC private key in PEM (.p8): " + exception.Message;
        }
    }
}
