namespace ChatApp.Modules.Accounts.People;

/// <summary>Configuration section <c>Accounts:Handles</c>.</summary>
internal sealed class HandleOptions
{
    public const string SectionName = "Accounts:Handles";

    /// <summary>How long after setting a handle its owner must wait before changing it again (case-only changes excepted).</summary>
    public TimeSpan ChangeCooldown { get; set; } = TimeSpan.FromDays(14);
}
