using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Looks up the attached pictures of messages through Media's Contracts, in one call.</summary>
internal static class MessageAttachments
{
    public static async Task<IReadOnlyDictionary<Guid, MediaImageInfo>?> LoadAsync(IMediaCatalog media, IEnumerable<Message?> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Where(m => m is { Attachments: not null, DeletedAt: null }).SelectMany(m => m!.AttachmentIds).Distinct().ToList();
        return ids.Count == 0 ? null : await media.GetImagesAsync(ids, cancellationToken);
    }
}
