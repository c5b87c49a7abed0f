namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Validation rules that adding and removing a reaction share.</summary>
internal static class ReactionRules
{
    public static IRuleBuilderOptions<T, string> Emoji<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(Reaction.EmojiMaxLength)
            .Must(emoji => emoji.All(c => !char.IsWhiteSpace(c) && !char.IsControl(c)))
            .WithMessage("'Emoji' must be an emoji or short code without spaces.");
}
