namespace ChatApp.Modules.Accounts.Features;

/// <summary>Field rules shared by several slices, so that the same field is judged the same way everywhere.</summary>
internal static class AccountsValidationRules
{
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(256)
            .Must(UserText.IsWellFormed).WithErrorCode(UserText.InvalidUnicodeCode).WithMessage("'Email' is not valid Unicode text.")
            .EmailAddress()
            .Must(email => email is null || (email.IndexOf('@', StringComparison.Ordinal) is var at && at > 0 && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.')))
            .WithMessage("'Email' is not a valid e-mail address.")
            // A bare address only: "Name <a@b>" or a list would put more than one address, or a name, into a mail header.
            .Must(IsBareAddress).WithMessage("'Email' must be a bare e-mail address, without a name or angle brackets.");

    private static bool IsBareAddress(string? email) =>
        email is null || (MimeKit.MailboxAddress.TryParse(email.Trim(), out var parsed) && parsed is { Name: null or "" } && parsed.Address == email.Trim());

    /// <summary>The rules for names other people see (<see cref="UserText"/>): stored as <see cref="UserText.Normalize"/> of it, trimmed.</summary>
    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.SafeName(User.DisplayNameMaxLength);

    public static IRuleBuilderOptions<T, string> PasswordInput<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(PasswordMaxLength);

    /// <summary>
    /// A new password meets every one of Identity's password rules (length, digit, upper and lower case): judged with
    /// the other fields, so one answer names every problem of the form (the handlers still map Identity's own verdict,
    /// as the last line of defence). Empty or over-long input is <see cref="PasswordInput{T}"/>'s to report.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string> MeetsPasswordRules<T>(this IRuleBuilderInitial<T, string> rule, UserManager<User> users) =>
        rule.CustomAsync(async (password, context, _) =>
        {
            if (string.IsNullOrEmpty(password) || password.Length > PasswordMaxLength)
            {
                return;
            }

            foreach (var validator in users.PasswordValidators)
            {
                foreach (var error in (await validator.ValidateAsync(users, new User(), password)).Errors)
                {
                    context.AddFailure(error.Description);
                }
            }
        });

    private const int PasswordMaxLength = 128;

    /// <summary>A mailed secret: the 6-digit code or the link's token (base64url).</summary>
    public static IRuleBuilderOptions<T, string> EmailToken<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(100);
}
