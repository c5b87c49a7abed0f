namespace ChatApp.Modules.Accounts.People;

/// <summary>Keeps a user's <see cref="PeopleSearchTerm"/> rows in step with the display name, inside the caller's unit of work.</summary>
internal static class PeopleSearchTerms
{
    /// <summary>Renames the user and replaces their search terms (the old ones are deleted at once, the new saved at the commit).</summary>
    public static async Task RenameAsync(AccountsDbContext db, User user, string displayName, CancellationToken cancellationToken)
    {
        user.Rename(displayName);
        var userId = user.Id;
        await db.PeopleSearchTerms.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        AddFor(db, userId, displayName);
    }

    /// <summary>The terms of a new account (saved after its row).</summary>
    public static void AddFor(AccountsDbContext db, Guid userId, string displayName) =>
        db.PeopleSearchTerms.AddRange(NameSearchKeys.Terms(displayName).Select(term => new PeopleSearchTerm { Term = term, UserId = userId }));
}
