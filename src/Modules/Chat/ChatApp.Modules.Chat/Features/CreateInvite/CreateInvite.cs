using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Invites;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.CreateInvite;

/// <summary><c>expiresInSeconds</c>: default <c>Chat:InviteDefaultLifetime</c>; <c>maxUses</c>: default unlimited.</summary>
internal sealed record CreateInviteRequest(int? ExpiresInSeconds, int? MaxUses);

internal sealed record CreateInviteCommand(Guid UserId, Guid RoomId, int? ExpiresInSeconds, int? MaxUses) : ICommand<Result<InviteResponse>>;

internal sealed class CreateInviteValidator : AbstractValidator<CreateInviteCommand>
{
    public CreateInviteValidator(IOptions<ChatOptions> options) => InviteLimits.Apply(this, c => c.ExpiresInSeconds, c => c.MaxUses, options);
}

/// <summary>The owner or an admin makes an invite link to the group room (at most <c>Chat:MaxActiveInvites</c> in force per room).</summary>
internal sealed class CreateInviteHandler(ChatDbContext db, IIdGenerator ids, IOptions<ChatOptions> options, TimeProvider timeProvider)
    : ICommandHandler<CreateInviteCommand, Result<InviteResponse>>
{
    public async ValueTask<Result<InviteResponse>> Handle(CreateInviteCommand command, CancellationToken cancellationToken)
    {
        var room = await GroupRooms.LockManagedAsync(db, command.UserId, command.RoomId, cancellationToken); // the count of links in force holds until the commit
        if (!room.IsSuccess)
        {
            return room.Error;
        }

        var now = timeProvider.GetUtcNowForStorage();
        if (await InviteRules.CountActiveAsync(db, command.RoomId, command.UserId, now, cancellationToken) >= options.Value.MaxActiveInvites)
        {
            return ChatErrors.TooManyInvites;
        }

        var lifetime = command.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.Value.InviteDefaultLifetime;
        var invite = new Invite
        {
            Id = ids.NewId(), Code = InviteCodes.New(), RoomId = command.RoomId, CreatedBy = command.UserId, CreatedAt = now,
            ExpiresAt = now + lifetime, MaxUses = command.MaxUses,
        };
        db.Invites.Add(invite);
        return InviteResponse.From(invite, InviteRules.LinkOf(options, invite.Code), now);
    }
}
