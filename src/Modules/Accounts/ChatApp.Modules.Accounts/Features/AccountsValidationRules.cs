namespace ChatApp.Modules.Accounts.Features;

/// <summary>Field rules shared by several slices, so that the same field is judged the same way everywhere.</summary>
internal static class AccountsValidationRules
{
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(256).EmailAddress()
            .Must(email => email is null || (email.IndexOf('@', StringComparison.Ordinal) is var at && at > 0 && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.')))
            .WithMessage("'Email' is not a valid e-mail address.");

    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(User.DisplayNameMaxLength)
            .Must(name => name is null || name.Trim().Length > 0).WithMessage("'Display Name' must not be blank.");

    public static IRuleBuilderOptions<T, string> PasswordInput<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(128);
}
