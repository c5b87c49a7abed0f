using ChatApp.BuildingBlocks.Events;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Moderation.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace ChatApp.Modules.Chat.Features.RelayModerationNotices;

/// <summary>
/// Rings the connected apps of the people a moderator's action left a notice for (<see cref="ChatEvents.ModerationNotice"/>,
/// on every node through the hub's bus). Nothing is stored: an app that was offline reads the notices when it starts.
/// A redelivered event rings again, which only makes the app read the list once more.
/// </summary>
internal sealed class RelayModerationNoticesHandler(IHubContext<ChatHub> hub) : IIntegrationEventHandler<ModerationNoticesIssuedIntegrationEvent>
{
    public async Task HandleAsync(ModerationNoticesIssuedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        foreach (var notice in integrationEvent.Notices)
        {
            await hub.Clients.User(notice.UserId.ToString()).SendAsync(
                ChatEvents.ModerationNotice, new ModerationNoticeEvent(notice.NoticeId, notice.Kind), cancellationToken);
        }
    }
}
