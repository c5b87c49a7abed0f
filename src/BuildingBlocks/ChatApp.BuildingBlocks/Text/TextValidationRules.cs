using FluentValidation;

namespace ChatApp.BuildingBlocks.Text;

/// <summary>
/// FluentValidation rules for user-provided text (<see cref="UserText"/>). Each refusal for the characters carries its
/// code (<c>text.…</c>), which <see cref="Behaviors.ValidationBehavior{TMessage, TResponse}"/> returns as the problem's
/// <c>code</c> when it is the only kind of failure. Lengths count the stored (NFC) form; the handler stores
/// <see cref="UserText.Normalize"/> of the value.
/// </summary>
public static class TextValidationRules
{
    /// <summary>The codes a <see cref="SafeName{T}"/> rule answers besides <c>validation_failed</c> (the OpenAPI document's <c>x-error-codes</c>).</summary>
    public static readonly IReadOnlyList<string> SafeNameCodes = [UserText.InvalidUnicodeCode, UserText.ControlCharactersCode, UserText.BidiControlsCode];

    /// <summary>The codes a <see cref="SafeText{T}"/> rule answers besides <c>validation_failed</c>.</summary>
    public static readonly IReadOnlyList<string> SafeTextCodes = [UserText.InvalidUnicodeCode, UserText.ControlCharactersCode];

    /// <summary>
    /// A one-line name: no controls, no bidirectional overrides, at most <paramref name="maxLength"/> once normalised;
    /// when <paramref name="required"/>, not empty and not blank (something visible), otherwise null or blank pass.
    /// </summary>
    public static IRuleBuilderOptions<T, string> SafeName<T>(this IRuleBuilderInitial<T, string> rule, int maxLength, bool required = true)
    {
        IRuleBuilder<T, string> checks = rule.Cascade(CascadeMode.Stop);
        if (required)
        {
            checks = checks.NotEmpty();
        }

        var options = checks
            .WellFormed()
            .NoControlCharacters(UserTextKind.Name)
            .Must(name => name is null || !UserText.HasBidiControls(name)).WithErrorCode(UserText.BidiControlsCode)
            .WithMessage("'{PropertyName}' must not contain bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069).")
            .NormalizedLength(UserTextKind.Name, maxLength);
        return required ? options.Must(UserText.HasVisibleCharacter).WithMessage("'{PropertyName}' must not be blank.") : options;
    }

    /// <summary>
    /// Free text that may span lines (line feeds and tabs allowed), at most <paramref name="maxLength"/> once
    /// normalised; when <paramref name="required"/>, not empty and not blank, otherwise null or empty pass.
    /// </summary>
    public static IRuleBuilderOptions<T, string> SafeText<T>(this IRuleBuilderInitial<T, string> rule, int maxLength, bool required = true)
    {
        IRuleBuilder<T, string> checks = rule.Cascade(CascadeMode.Stop);
        if (required)
        {
            checks = checks.NotEmpty();
        }

        var options = checks
            .WellFormed()
            .NoControlCharacters(UserTextKind.Text)
            .NormalizedLength(UserTextKind.Text, maxLength);
        return required ? options.Must(UserText.HasVisibleCharacter).WithMessage("'{PropertyName}' must not be blank.") : options;
    }

    private static IRuleBuilderOptions<T, string> WellFormed<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(text => text is null || UserText.IsWellFormed(text)).WithErrorCode(UserText.InvalidUnicodeCode)
            .WithMessage("'{PropertyName}' is not valid Unicode text (an unpaired surrogate or a noncharacter).");

    private static IRuleBuilderOptions<T, string> NoControlCharacters<T>(this IRuleBuilder<T, string> rule, UserTextKind kind) =>
        rule.Must(text => text is null || !UserText.HasControlCharacters(text, kind)).WithErrorCode(UserText.ControlCharactersCode)
            .WithMessage(kind == UserTextKind.Text
                ? "'{PropertyName}' must not contain control characters (line breaks and tabs are allowed)."
                : "'{PropertyName}' must not contain control characters or line breaks.");

    private static IRuleBuilderOptions<T, string> NormalizedLength<T>(this IRuleBuilder<T, string> rule, UserTextKind kind, int maxLength) =>
        rule.Must(text => text is null || UserText.Normalize(text, kind).Length <= maxLength)
            .WithMessage($"'{{PropertyName}}' must be {maxLength} characters or fewer.");
}
