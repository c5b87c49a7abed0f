using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;

namespace ChatApp.Modules.Accounts.Features.Register;

internal sealed record RegisterCommand(string Email, string Password, string DisplayName) : ICommand<Result<RegisterResponse>>;

internal sealed record RegisterResponse(Guid UserId);

internal sealed class RegisterValidator : AbstractValidator<RegisterCommand>
{
    public RegisterValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).PasswordInput();
        RuleFor(c => c.DisplayName).ValidDisplayName();
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
            DisplayName = UserText.Normalize(command.DisplayName, UserTextKind.Name).Trim(),
            CreatedAt = now,
        };

        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, command.Password);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one e-mail raced past Identity's check; the unique index caught the second.
            return AccountErrors.EmailTaken;
        }

        if (!created.Succeeded)
        {
            return AccountErrors.FromIdentity(created.Errors);
        }

        db.AddIntegrationEvent(new UserRegisteredIntegrationEvent(ids.NewId(), now, user.Id, user.DisplayName));
        db.AddIntegrationEvent(new EmailVerificationRequestedIntegrationEvent(ids.NewId(), now, user.Id, email));
        return new RegisterResponse(user.Id);
    }
}
