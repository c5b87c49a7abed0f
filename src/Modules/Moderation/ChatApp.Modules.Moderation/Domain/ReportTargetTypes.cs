namespace ChatApp.Modules.Moderation.Domain;

/// <summary>What a report is about, as the API and the database spell it.</summary>
internal static class ReportTargetTypes
{
    public const string Message = "message";
    public const string User = "user";
    public const string Room = "room";

    public static readonly string[] All = [Message, User, Room];
}
