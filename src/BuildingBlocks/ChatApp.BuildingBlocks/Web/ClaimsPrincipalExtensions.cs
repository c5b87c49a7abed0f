using System.Security.Claims;

namespace ChatApp.BuildingBlocks.Web;

/// <summary>Reads the caller's identity from the access token's claims (JWT names, not mapped to legacy URIs).</summary>
public static class ClaimsPrincipalExtensions
{
    public const string SubjectClaim = "sub";
    public const string SessionClaim = "sid";
    public const string RoleClaim = "role";
    public const string NameClaim = "name";

    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SubjectClaim), out var id)
            ? id
            : throw new InvalidOperationException("The caller is not authenticated with a user id.");

    public static Guid? GetSessionId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionClaim), out var id) ? id : null;
}
