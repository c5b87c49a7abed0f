namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Validation rules that adding and removing a reaction share.</summary>
internal static class ReactionRules
{
    public static IRuleBuilderOptions<T, string> Emoji<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.SafeName(Reaction.EmojiMaxLength)
            .Must(emoji => !emoji.Any(char.IsWhiteSpace))
            .WithMessage("'Emoji' must be an emoji or short code without spaces.");
}
