namespace ChatApp.Client.People;

/// <summary>A search result (server: PersonResponse).</summary>
public sealed record Person(Guid Id, string DisplayName, string? Handle, ChatApp.Client.Accounts.Avatar? Avatar, bool ExactHandle);
