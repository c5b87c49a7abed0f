using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Notifications.Providers.Fcm;

/// <summary>Refuses to start with a service account that cannot be used; none at all is fine (Android pushes are off).</summary>
internal sealed class FcmOptionsValidator : IValidateOptions<FcmOptions>
{
    public ValidateOptionsResult Validate(string? name, FcmOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ServiceAccountJson) && !string.IsNullOrWhiteSpace(options.ServiceAccountFile))
        {
            return ValidateOptionsResult.Fail("Set one of Notifications:Fcm:ServiceAccountJson and Notifications:Fcm:ServiceAccountFile, not both.");
        }

        if (!options.BaseAddress.IsAbsoluteUri)
        {
            return ValidateOptionsResult.Fail("Notifications:Fcm:BaseAddress must be an absolute address.");
        }

        return options.LoadServiceAccount() is { IsSuccess: false } failed
            ? ValidateOptionsResult.Fail(failed.Error.Message)
            : ValidateOptionsResult.Success;
    }
}
