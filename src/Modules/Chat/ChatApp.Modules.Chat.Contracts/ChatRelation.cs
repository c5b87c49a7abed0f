namespace ChatApp.Modules.Chat.Contracts;

public sealed record ChatRelation(bool Blocked, bool HaveTalked);
