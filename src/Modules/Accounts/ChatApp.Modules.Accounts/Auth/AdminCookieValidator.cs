using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// The admin pages' cookie lives for hours; the account behind it may change meanwhile. On each request the cookie is
/// checked against the account: it is rejected once the account is deactivated or deleted, has lost the admin role, or
/// has a new security stamp (password changed). The account's state is cached per node for
/// <see cref="SessionValidator.CacheDuration"/>; changes made on this node evict it at once (<see cref="Forget"/>).
/// </summary>
internal sealed class AdminCookieValidator(IMemoryCache cache, IServiceProvider services)
{
    public const string SecurityStampClaim = "chatapp:security-stamp";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirst(SecurityStampClaim)?.Value;
        var validator = context.HttpContext.RequestServices.GetRequiredService<AdminCookieValidator>();
        if (principal is null || stamp is null || !await validator.IsCurrentAsync(principal.GetUserId(), stamp, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }

    public void Forget(Guid userId) => cache.Remove(CacheKey(userId));

    private async Task<bool> IsCurrentAsync(Guid userId, string stamp, CancellationToken cancellationToken)
    {
        var key = CacheKey(userId);
        if (!cache.TryGetValue(key, out string? currentStamp))
        {
            using var scope = services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByIdAsync(userId.ToString());
            cancellationToken.ThrowIfCancellationRequested();
            // null: no admin behind this cookie any more (deleted, deactivated, or no longer in the admin role).
            currentStamp = user is { DeactivatedAt: null } && await users.IsInRoleAsync(user, AuthorizationPolicies.AdminRole)
                ? user.SecurityStamp ?? ""
                : null;
            cache.Set(key, currentStamp, SessionValidator.CacheDuration);
        }

        return currentStamp is not null && string.Equals(currentStamp, stamp, StringComparison.Ordinal);
    }

    private static string CacheKey(Guid userId) => "accounts:admin-account:" + userId.ToString("N");
}
