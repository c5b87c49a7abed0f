using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Invites;

/// <summary>The expiry and use limit a new invite link may have.</summary>
internal static class InviteLimits
{
    public const int MaxUsesLimit = 100_000;

    public static void Apply<T>(AbstractValidator<T> validator, Func<T, int?> expiresInSeconds, Func<T, int?> maxUses, IOptions<ChatOptions> options)
    {
        var longest = (int)Math.Min(int.MaxValue, options.Value.InviteMaxLifetime.TotalSeconds);
        validator.RuleFor(c => expiresInSeconds(c)).InclusiveBetween(60, longest).OverridePropertyName("expiresInSeconds");
        validator.RuleFor(c => maxUses(c)).InclusiveBetween(1, MaxUsesLimit).OverridePropertyName("maxUses");
    }
}
