namespace ChatApp.Modules.Accounts.People;

/// <summary>
/// Gives a user a handle (validated already): refused when another account has it (compared without case). Two
/// people taking the same handle at once: the unique index on <c>NormalizedHandle</c> refuses the second commit, the unit
/// of work runs that command again and it then finds the winner's handle here.
/// </summary>
internal static class HandleAssignment
{
    public static async Task<Result> AssignAsync(AccountsDbContext db, User user, string handle, DateTime now, CancellationToken cancellationToken)
    {
        var text = handle.Trim().TrimStart('@');
        var normalized = Handles.Normalize(text);
        var userId = user.Id;
        if (await db.Users.AnyAsync(u => u.NormalizedHandle == normalized && u.Id != userId, cancellationToken))
        {
            return PeopleErrors.HandleTaken;
        }

        user.Handle = text;
        user.NormalizedHandle = normalized;
        user.HandleChangedAt = now;
        return Result.Success();
    }
}
