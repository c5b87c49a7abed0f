namespace ChatApp.Modules.Moderation.Domain;

/// <summary>Why someone reports, as the API and the database spell it.</summary>
internal static class ReportReasons
{
    public const string Spam = "spam";
    public const string Harassment = "harassment";
    public const string Sexual = "sexual";
    public const string Violence = "violence";
    public const string SelfHarm = "self_harm";
    public const string Other = "other";

    public static readonly string[] All = [Spam, Harassment, Sexual, Violence, SelfHarm, Other];
}
