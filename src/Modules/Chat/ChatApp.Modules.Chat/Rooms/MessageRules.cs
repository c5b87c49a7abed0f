namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Validation rules that sending and editing share.</summary>
internal static class MessageRules
{
    /// <summary>The rules for text other people see (<see cref="UserText"/>); the stored text is <see cref="UserText.Normalize"/> of it.</summary>
    public static IRuleBuilderOptions<T, string> MessageText<T>(this IRuleBuilderInitial<T, string> rule, bool required = true) =>
        rule.SafeText(Message.TextMaxLength, required);
}
