namespace ChatApp.Client.Realtime.Events;

/// <summary>Hub event ModerationNotice (kind: warning, suspension, ban, lift, message_removed or report_outcome): read GET /moderation/notices.</summary>
public sealed record ModerationNoticeEvent(Guid NoticeId, string Kind);
