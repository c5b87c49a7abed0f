namespace ChatApp.Modules.Accounts.External;

/// <summary>The sign-in providers, as they appear in routes (<c>/accounts/external/{provider}</c>) and in <c>user_logins</c>.</summary>
internal static class ExternalProviders
{
    public const string Facebook = "facebook";
    public const string Kakao = "kakao";
    public const string Apple = "apple";
    public const string Google = "google";

    public static readonly IReadOnlyList<string> All = [Facebook, Kakao, Apple, Google];
}
