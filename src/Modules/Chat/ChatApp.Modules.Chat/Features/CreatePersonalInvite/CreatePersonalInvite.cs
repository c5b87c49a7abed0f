using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Invites;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.CreatePersonalInvite;

internal sealed record CreatePersonalInviteRequest(int? ExpiresInSeconds, int? MaxUses);

/// <summary>A personal link: whoever uses it gets a direct chat with its maker.</summary>
internal sealed record CreatePersonalInviteCommand(Guid UserId, int? ExpiresInSeconds, int? MaxUses) : ICommand<Result<InviteResponse>>;

internal sealed class CreatePersonalInviteValidator : AbstractValidator<CreatePersonalInviteCommand>
{
    public CreatePersonalInviteValidator(IOptions<ChatOptions> options) => InviteLimits.Apply(this, c => c.ExpiresInSeconds, c => c.MaxUses, options);
}

/// <summary>At most <c>Chat:MaxActiveInvites</c> personal links in force per person.</summary>
internal sealed class CreatePersonalInviteHandler(ChatDbContext db, IIdGenerator ids, IOptions<ChatOptions> options, TimeProvider timeProvider)
    : ICommandHandler<CreatePersonalInviteCommand, Result<InviteResponse>>
{
    public async ValueTask<Result<InviteResponse>> Handle(CreatePersonalInviteCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        if (await InviteRules.CountActiveAsync(db, roomId: null, command.UserId, now, cancellationToken) >= options.Value.MaxActiveInvites)
        {
            return ChatErrors.TooManyInvites;
        }

        var lifetime = command.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.Value.InviteDefaultLifetime;
        var invite = new Invite
        {
            Id = ids.NewId(), Code = InviteCodes.New(), RoomId = null, CreatedBy = command.UserId, CreatedAt = now, ExpiresAt = now + lifetime, MaxUses = command.MaxUses,
        };
        db.Invites.Add(invite);
        return InviteResponse.From(invite, InviteRules.LinkOf(options, invite.Code), now);
    }
}
