namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>How long a node may keep believing a session (or the admin cookie) is valid after it ended elsewhere.</summary>
public static class SessionCache
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);
}
