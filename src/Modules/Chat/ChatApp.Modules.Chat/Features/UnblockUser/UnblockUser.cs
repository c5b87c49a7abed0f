namespace ChatApp.Modules.Chat.Features.UnblockUser;

internal sealed record UnblockUserCommand(Guid UserId, Guid BlockedUserId) : ICommand<Result>;

/// <summary>Unblocking is idempotent.</summary>
internal sealed class UnblockUserHandler(ChatDbContext db) : ICommandHandler<UnblockUserCommand, Result>
{
    public async ValueTask<Result> Handle(UnblockUserCommand command, CancellationToken cancellationToken)
    {
        await db.Blocks.Where(b => b.BlockerId == command.UserId && b.BlockedId == command.BlockedUserId).ExecuteDeleteAsync(cancellationToken);
        return Result.Success();
    }
}
