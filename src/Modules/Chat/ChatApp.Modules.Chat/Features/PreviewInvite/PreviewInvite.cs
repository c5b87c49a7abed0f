using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Invites;
using ChatApp.Modules.Chat.Rooms;
using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Features.PreviewInvite;

internal sealed record PreviewInviteQuery(string Code) : IQuery<Result<InvitePreviewResponse>>;

/// <summary>A group room as a link shows it before joining: never its members, only how many there are.</summary>
internal sealed record InviteRoomPreview(string Name, string? Topic, RoomPictureResponse? Picture, int MemberCount);

/// <summary>The person a personal link opens a chat with.</summary>
internal sealed record InvitePersonPreview(Guid UserId, string DisplayName, string? AvatarUrl);

/// <summary><c>kind</c>: <c>group</c> (<c>room</c> set) or <c>personal</c> (<c>person</c> set).</summary>
internal sealed record InvitePreviewResponse([property: WireValues("group", "personal")] string Kind, DateTime? ExpiresAt, InviteRoomPreview? Room, InvitePersonPreview? Person);

/// <summary>Anyone with the link may look (no sign-in needed); only usable links are shown, others answer with their reason.</summary>
internal sealed class PreviewInviteHandler(ChatDbContext db, IUserDirectory users, IMediaCatalog media, TimeProvider timeProvider)
    : IQueryHandler<PreviewInviteQuery, Result<InvitePreviewResponse>>
{
    public async ValueTask<Result<InvitePreviewResponse>> Handle(PreviewInviteQuery query, CancellationToken cancellationToken)
    {
        var found = await InviteLookup.FindUsableAsync(db, query.Code, timeProvider, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var invite = found.Value;
        if (invite.RoomId is { } roomId)
        {
            var room = await db.Rooms.AsNoTracking()
                .Where(r => r.Id == roomId)
                .Select(r => new { r.Name, r.Topic, r.AvatarMediaId, MemberCount = db.RoomMembers.Count(m => m.RoomId == r.Id) })
                .SingleAsync(cancellationToken);
            var pictures = await RoomPictures.LoadAsync(media, [room.AvatarMediaId], cancellationToken);
            var picture = room.AvatarMediaId is { } pictureId ? pictures.GetValueOrDefault(pictureId) : null;
            return new InvitePreviewResponse("group", invite.ExpiresAt, new InviteRoomPreview(room.Name ?? "", room.Topic, picture, room.MemberCount), null);
        }

        var people = await users.GetUsersAsync([invite.CreatedBy], cancellationToken);
        if (!people.TryGetValue(invite.CreatedBy, out var person) || person.Deactivated)
        {
            return ChatErrors.InviteNotFound;
        }

        return new InvitePreviewResponse("personal", invite.ExpiresAt, null, new InvitePersonPreview(person.Id, person.DisplayName, person.AvatarUrl));
    }
}
