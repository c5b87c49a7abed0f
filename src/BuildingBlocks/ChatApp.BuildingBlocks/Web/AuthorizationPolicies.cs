
namespace ChatApp.BuildingBlocks.Web;

/// <summary>Authorization policy and role names shared by every module and the host.</summary>
public static class AuthorizationPolicies
{
    /// <summary>Administrators, signed in with a bearer token or the admin cookie (the Hangfire dashboard uses the cookie).</summary>
    public const string Admin = "admin";

    public const string AdminRole = "admin";
}
