namespace ChatApp.Modules.Chat.Realtime;

/// <summary>A doorbell: moderators left me notice <paramref name="NoticeId"/> of this kind; its content is in <c>GET /api/v1/moderation/notices</c>.</summary>
internal sealed record ModerationNoticeEvent(Guid NoticeId, string Kind);
