namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Validation rules that sending and editing share.</summary>
internal static class MessageRules
{
    public static IRuleBuilderOptions<T, string> MessageText<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(Message.TextMaxLength)
            .Must(text => text.Trim().Length > 0).WithMessage("'Text' must not be blank.");
}
