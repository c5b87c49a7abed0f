using ChatApp.BuildingBlocks.Events;
using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Media.Usage;

namespace ChatApp.Modules.Media.Features.TrackUsage;

/// <summary>A group room shows a new picture (kept in use) instead of the previous one (released when nothing else shows it).</summary>
internal sealed class RoomPictureChangedHandler(MediaUsage usage) : IIntegrationEventHandler<RoomPictureChangedIntegrationEvent>
{
    public async Task HandleAsync(RoomPictureChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var holder = MediaUse.ForRoomPicture(integrationEvent.RoomId);
        if (integrationEvent.MediaId is { } current)
        {
            await usage.UseAsync([current], holder, cancellationToken);
        }

        if (integrationEvent.PreviousMediaId is { } previous && previous != integrationEvent.MediaId)
        {
            await usage.EndAsync(holder, [previous], cancellationToken);
        }
    }
}
