using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.RemoveReaction;

/// <summary>Takes back my reaction. Idempotent: taking back one that is not there changes nothing and tells no one.</summary>
internal sealed record RemoveReactionCommand(Guid UserId, Guid RoomId, Guid MessageId, string Emoji) : ICommand<Result>;

internal sealed class RemoveReactionValidator : AbstractValidator<RemoveReactionCommand>
{
    public RemoveReactionValidator() => RuleFor(c => c.Emoji).Emoji();
}

internal sealed class RemoveReactionHandler(ReactionChanges reactions) : ICommandHandler<RemoveReactionCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveReactionCommand command, CancellationToken cancellationToken) =>
        await reactions.ApplyAsync(command.UserId, command.RoomId, command.MessageId, command.Emoji, add: false, cancellationToken);
}
