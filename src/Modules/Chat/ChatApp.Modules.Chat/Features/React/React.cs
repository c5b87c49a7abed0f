using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.React;

/// <summary>Adds my reaction to a message. Idempotent: reacting twice with one emoji leaves one reaction and one event.</summary>
internal sealed record ReactCommand(Guid UserId, Guid RoomId, Guid MessageId, string Emoji) : ICommand<Result>;

internal sealed class ReactValidator : AbstractValidator<ReactCommand>
{
    public ReactValidator() => RuleFor(c => c.Emoji).Emoji();
}

internal sealed class ReactHandler(ReactionChanges reactions) : ICommandHandler<ReactCommand, Result>
{
    public async ValueTask<Result> Handle(ReactCommand command, CancellationToken cancellationToken) =>
        await reactions.ApplyAsync(command.UserId, command.RoomId, command.MessageId, command.Emoji, add: true, cancellationToken);
}
