using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.ListRooms;

internal sealed record ListRoomsQuery(Guid UserId) : IQuery<IReadOnlyList<RoomResponse>>;

internal sealed class ListRoomsHandler(RoomReader reader) : IQueryHandler<ListRoomsQuery, IReadOnlyList<RoomResponse>>
{
    public async ValueTask<IReadOnlyList<RoomResponse>> Handle(ListRoomsQuery query, CancellationToken cancellationToken) =>
        await reader.ListAsync(query.UserId, cancellationToken);
}
