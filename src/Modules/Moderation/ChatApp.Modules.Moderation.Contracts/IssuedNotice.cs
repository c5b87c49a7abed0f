namespace ChatApp.Modules.Moderation.Contracts;

/// <summary>One notice: whom it is for, its id and kind (warning, suspension, ban, lift, message_removed, report_outcome).</summary>
public sealed record IssuedNotice(Guid UserId, Guid NoticeId, string Kind);
