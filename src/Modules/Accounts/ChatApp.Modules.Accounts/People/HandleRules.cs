namespace ChatApp.Modules.Accounts.People;

/// <summary>Validation of a handle field, the same for sign-up and for changing it.</summary>
internal static class HandleRules
{
    public static IRuleBuilderOptions<T, string> ValidHandle<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(Handles.IsWellFormed).WithErrorCode(PeopleErrors.HandleInvalidCode)
            .WithMessage($"'Handle' must be {User.HandleMinLength} to {User.HandleMaxLength} letters (a-z), digits, underscores or periods, not starting or ending with a period nor with two in a row.")
            .Must(handle => !Handles.IsReserved(handle)).WithErrorCode(PeopleErrors.HandleReservedCode)
            .WithMessage("This handle is reserved.");
}
