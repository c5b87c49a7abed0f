using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.Modules.Accounts.Contracts;

namespace ChatApp.Modules.Chat.Features.BlockUser;

/// <summary>Non-transactional: a single insert that tolerates a concurrent identical block.</summary>
internal sealed record BlockUserCommand(Guid UserId, Guid BlockedUserId) : ICommand<Result>, INonTransactionalCommand;

internal sealed record UnblockUserCommand(Guid UserId, Guid BlockedUserId) : ICommand<Result>, INonTransactionalCommand;

internal sealed class BlockUserValidator : AbstractValidator<BlockUserCommand>
{
    public BlockUserValidator() =>
        RuleFor(c => c.BlockedUserId).NotEqual(c => c.UserId).OverridePropertyName("userId").WithMessage("You cannot block yourself.");
}

/// <summary>Blocking is idempotent: blocking twice leaves one block.</summary>
internal sealed class BlockUserHandler(ChatDbContext db, IUserDirectory users, TimeProvider timeProvider) : ICommandHandler<BlockUserCommand, Result>
{
    public async ValueTask<Result> Handle(BlockUserCommand command, CancellationToken cancellationToken)
    {
        if ((await users.GetUsersAsync([command.BlockedUserId], cancellationToken)).Count == 0)
        {
            return ChatErrors.UserNotFound;
        }

        if (await db.Blocks.AnyAsync(b => b.BlockerId == command.UserId && b.BlockedId == command.BlockedUserId, cancellationToken))
        {
            return Result.Success();
        }

        db.Blocks.Add(new Block { BlockerId = command.UserId, BlockedId = command.BlockedUserId, CreatedAt = timeProvider.GetUtcNowForStorage() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent identical block may have won: then the outcome is the same.
            db.ChangeTracker.Clear();
            if (!await db.Blocks.AnyAsync(b => b.BlockerId == command.UserId && b.BlockedId == command.BlockedUserId, cancellationToken))
            {
                throw;
            }
        }

        return Result.Success();
    }
}

/// <summary>Unblocking is idempotent too.</summary>
internal sealed class UnblockUserHandler(ChatDbContext db) : ICommandHandler<UnblockUserCommand, Result>
{
    public async ValueTask<Result> Handle(UnblockUserCommand command, CancellationToken cancellationToken)
    {
        await db.Blocks.Where(b => b.BlockerId == command.UserId && b.BlockedId == command.BlockedUserId).ExecuteDeleteAsync(cancellationToken);
        return Result.Success();
    }
}
