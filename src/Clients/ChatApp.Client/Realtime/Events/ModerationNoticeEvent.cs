namespace ChatApp.Client.Realtime.Events;

/// <summary>Hub event ModerationNotice: read GET /moderation/notices.</summary>
public sealed record ModerationNoticeEvent(Guid NoticeId, string Kind);
