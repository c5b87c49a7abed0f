using ChatApp.Modules.Moderation.Contracts;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>A doorbell: moderators left me notice <paramref name="NoticeId"/> of this kind; its content is in <c>GET /api/v1/moderation/notices</c>.</summary>
internal sealed record ModerationNoticeEvent(
    Guid NoticeId,
    [property: WireValues(
        ModerationNoticeKinds.Warning, ModerationNoticeKinds.Suspension, ModerationNoticeKinds.Ban, ModerationNoticeKinds.Lift,
        ModerationNoticeKinds.MessageRemoved, ModerationNoticeKinds.ReportOutcome)]
    string Kind);
