using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.Contracts;

namespace ChatApp.Modules.Chat.Features.BlockUser;

internal sealed record BlockUserCommand(Guid UserId, Guid BlockedUserId) : ICommand<Result>;

internal sealed class BlockUserValidator : AbstractValidator<BlockUserCommand>
{
    public BlockUserValidator() =>
        RuleFor(c => c.BlockedUserId).NotEqual(c => c.UserId).OverridePropertyName("userId").WithMessage("You cannot block yourself.");
}

/// <summary>Blocking is idempotent: blocking twice leaves one block (a concurrent identical block is run again by the unit of work and finds it).</summary>
internal sealed class BlockUserHandler(ChatDbContext db, IUserDirectory users, TimeProvider timeProvider) : ICommandHandler<BlockUserCommand, Result>
{
    public async ValueTask<Result> Handle(BlockUserCommand command, CancellationToken cancellationToken)
    {
        if ((await users.GetUsersAsync([command.BlockedUserId], cancellationToken)).Count == 0)
        {
            return ChatErrors.UserNotFound;
        }

        if (!await db.Blocks.AnyAsync(b => b.BlockerId == command.UserId && b.BlockedId == command.BlockedUserId, cancellationToken))
        {
            db.Blocks.Add(new Block { BlockerId = command.UserId, BlockedId = command.BlockedUserId, CreatedAt = timeProvider.GetUtcNowForStorage() });
        }

        return Result.Success();
    }
}
