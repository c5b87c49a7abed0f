namespace ChatApp.Modules.Accounts.Domain;

/// <summary>
/// One suffix of a user's folded display name or of its 초성 (<see cref="NameSearchKeys.Terms"/>): a query that occurs
/// inside the name is a prefix of one of them, so the index on <see cref="Term"/> finds the few people a rare query
/// matches without reading every account (ADR 0023 part P).
/// </summary>
internal sealed class PeopleSearchTerm
{
    public const int MaxLength = 32;

    public string Term { get; set; } = "";

    public Guid UserId { get; set; }
}
