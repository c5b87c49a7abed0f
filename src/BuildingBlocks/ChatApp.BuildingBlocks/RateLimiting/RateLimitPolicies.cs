namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>
/// The names of the abuse limits (ASP.NET Core rate limiter policies). Endpoints opt in with
/// <c>RequireRateLimiting(name)</c>; what each one counts and its defaults are in <see cref="RateLimitsOptions"/>,
/// the numbers in docs/api.md ("Limits").
/// </summary>
public static class RateLimitPolicies
{
    public const string Register = "register";
    public const string Login = "login";
    public const string Refresh = "refresh";

    /// <summary>The routes that send an account mail: forgot password, resend verification, change e-mail.</summary>
    public const string EmailSend = "email-send";

    /// <summary>The routes that use a mailed code or link token: verify e-mail, reset password, confirm an e-mail change.</summary>
    public const string EmailToken = "email-token";

    public const string Upload = "upload";
    public const string EditMessage = "edit-message";
    public const string React = "react";
    public const string CreateRoom = "create-room";
    public const string Search = "search";

    /// <summary>Invite link lookups: preview, join and QR codes (codes are unguessable; this keeps brute force pointless).</summary>
    public const string InviteLookup = "invite-lookup";

    /// <summary>People search (<c>GET /users/search</c>): per user, generous enough for search-as-you-type.</summary>
    public const string PeopleSearch = "people-search";

    public static readonly IReadOnlyList<string> All = [Register, Login, Refresh, EmailSend, EmailToken, Upload, EditMessage, React, CreateRoom, Search, InviteLookup, PeopleSearch];
}
