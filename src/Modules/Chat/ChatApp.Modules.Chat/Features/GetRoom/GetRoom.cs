using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.GetRoom;

internal sealed record GetRoomQuery(Guid UserId, Guid RoomId) : IQuery<Result<RoomResponse>>;

internal sealed class GetRoomHandler(RoomReader reader) : IQueryHandler<GetRoomQuery, Result<RoomResponse>>
{
    public async ValueTask<Result<RoomResponse>> Handle(GetRoomQuery query, CancellationToken cancellationToken) =>
        await reader.GetAsync(query.UserId, query.RoomId, cancellationToken) is { } room ? room : ChatErrors.RoomNotFound;
}
