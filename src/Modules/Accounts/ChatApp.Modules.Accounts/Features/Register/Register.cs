using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.People;

namespace ChatApp.Modules.Accounts.Features.Register;

/// <summary>The body of POST /register; <c>Handle</c> is optional (it can be chosen later).</summary>
internal sealed record RegisterCommand(string Email, string Password, string DisplayName, string? Handle = null) : ICommand<Result<RegisterResponse>>;

internal sealed record RegisterResponse(Guid UserId);

internal sealed class RegisterValidator : AbstractValidator<RegisterCommand>
{
    public RegisterValidator(UserManager<User> users)
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).PasswordInput();
        RuleFor(c => c.Password).MeetsPasswordRules(users);
        RuleFor(c => c.DisplayName).ValidDisplayName();
        RuleFor(c => c.Handle!).ValidHandle().When(c => c.Handle is not null);
    }
}

/// <summary>Creates the account (password rules are Identity's) and publishes <see cref="UserRegisteredIntegrationEvent"/> and asks for the verification mail in the same transaction.</summary>
internal sealed class RegisterHandler(UserManager<User> users, AccountsDbContext db, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<RegisterCommand, Result<RegisterResponse>>
{
    public async ValueTask<Result<RegisterResponse>> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var email = command.Email.Trim();
        var user = new User
        {
            Id = ids.NewId(),
            UserName = email,
            Email = email,
            CreatedAt = now,
        };
        user.Rename(UserText.Normalize(command.DisplayName, UserTextKind.Name).Trim());
        if (command.Handle is not null)
        {
            var assigned = await HandleAssignment.AssignAsync(db, user, command.Handle, now, cancellationToken);
            if (!assigned.IsSuccess)
            {
                return assigned.Error;
            }
        }

        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, command.Password);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one e-mail (or one handle) raced past the checks; the unique index caught the second.
            var normalizedHandle = user.NormalizedHandle;
            return normalizedHandle is not null && await db.Users.AnyAsync(u => u.NormalizedHandle == normalizedHandle && u.Id != user.Id, cancellationToken)
                ? PeopleErrors.HandleTaken
                : AccountErrors.EmailTaken;
        }

        if (!created.Succeeded)
        {
            return AccountErrors.FromIdentity(created.Errors);
        }

        PeopleSearchTerms.AddFor(db, user.Id, user.DisplayName);
        db.AddIntegrationEvent(new UserRegisteredIntegrationEvent(ids.NewId(), now, user.Id, user.DisplayName));
        db.AddIntegrationEvent(new EmailVerificationRequestedIntegrationEvent(ids.NewId(), now, user.Id, email));
        return new RegisterResponse(user.Id);
    }
}
