namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>Public routes of the Accounts module, for clients and for other modules' links.</summary>
public static class AccountsRoutes
{
    public const string Accounts = "/api/v1/accounts";
    public const string Users = "/api/v1/users";
    public const string AdminSignIn = "/admin/login";
    public const string AdminSignOut = "/admin/logout";
    public const string AdminAccounts = "/api/v1/admin/accounts";
}
