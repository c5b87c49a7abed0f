using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.People;
using ChatApp.Modules.Accounts.Profiles;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Features.SetHandle;

internal sealed record SetHandleRequest(string Handle);

internal sealed record SetHandleCommand(Guid UserId, string Handle) : ICommand<Result<MyProfileResponse>>;

internal sealed class SetHandleValidator : AbstractValidator<SetHandleCommand>
{
    public SetHandleValidator() => RuleFor(c => c.Handle).ValidHandle();
}

/// <summary>
/// Chooses or changes my handle: refused while another account has it (409) and, once I have one, until the cooldown
/// since the last change has passed (429 with <c>Retry-After</c>); changing only its case is always allowed.
/// </summary>
internal sealed class SetHandleHandler(
    AccountsDbContext db, AvatarView avatars, ProfileCache profiles, AfterCommit afterCommit, IOptions<HandleOptions> options, TimeProvider timeProvider)
    : ICommandHandler<SetHandleCommand, Result<MyProfileResponse>>
{
    public async ValueTask<Result<MyProfileResponse>> Handle(SetHandleCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        var text = command.Handle.Trim().TrimStart('@');
        if (user.NormalizedHandle == Handles.Normalize(text))
        {
            if (user.Handle != text)
            {
                user.Handle = text;
                profiles.ForgetAfterCommit(afterCommit, user.Id);
            }

            return await MyProfileResponse.ForAsync(user, avatars, cancellationToken);
        }

        var now = timeProvider.GetUtcNowForStorage();
        if (user.HandleChangedAt is { } changedAt && changedAt + options.Value.ChangeCooldown - now is { Ticks: > 0 } remaining)
        {
            return PeopleErrors.HandleCooldown(remaining);
        }

        var assigned = await HandleAssignment.AssignAsync(db, user, text, now, cancellationToken);
        if (!assigned.IsSuccess)
        {
            return assigned.Error;
        }

        profiles.ForgetAfterCommit(afterCommit, user.Id);
        return await MyProfileResponse.ForAsync(user, avatars, cancellationToken);
    }
}
