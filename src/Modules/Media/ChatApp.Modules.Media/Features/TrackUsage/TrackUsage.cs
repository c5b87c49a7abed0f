using ChatApp.BuildingBlocks.Events;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Media.Usage;

namespace ChatApp.Modules.Media.Features.TrackUsage;

internal sealed class AvatarChangedHandler(MediaUsage usage) : IIntegrationEventHandler<UserAvatarChangedIntegrationEvent>
{
    public async Task HandleAsync(UserAvatarChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var holder = MediaUse.ForAvatar(integrationEvent.UserId);
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

internal sealed class MessagesPostedHandler(MediaUsage usage) : IIntegrationEventHandler<ChatApp.Modules.Chat.Contracts.MessagesPostedIntegrationEvent>
{
    public async Task HandleAsync(ChatApp.Modules.Chat.Contracts.MessagesPostedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        foreach (var message in integrationEvent.Messages.Where(m => m.AttachmentIds is { Count: > 0 }))
        {
            await usage.UseAsync(message.AttachmentIds!, MediaUse.ForMessage(message.MessageId), cancellationToken);
        }
    }
}

internal sealed class MessageDeletedHandler(MediaUsage usage) : IIntegrationEventHandler<ChatApp.Modules.Chat.Contracts.MessageDeletedIntegrationEvent>
{
    public Task HandleAsync(ChatApp.Modules.Chat.Contracts.MessageDeletedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        usage.EndAsync(MediaUse.ForMessage(integrationEvent.MessageId), integrationEvent.AttachmentIds, cancellationToken);
}
