using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.ImportProviderPicture;

/// <summary>Makes an imported provider picture the user's avatar, unless the user has chosen one (or was deleted) meanwhile.</summary>
internal sealed record AdoptProviderPictureCommand(Guid UserId, Guid MediaId) : ICommand<Result<bool>>;

/// <summary>
/// True when the picture became the avatar. A user who set an avatar since the sign-in keeps it:
/// the import is then an unused upload that Media releases later. <see cref="AvatarChanges"/> bumps the concurrency stamp,
/// so a simultaneous choice by the user makes this run again and see it.
/// </summary>
internal sealed class AdoptProviderPictureHandler(AccountsDbContext db, AvatarChanges changes) : ICommandHandler<AdoptProviderPictureCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(AdoptProviderPictureCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == command.UserId)
            .Select(u => new { u.AvatarMediaId })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null || user.AvatarMediaId is not null)
        {
            return false;
        }

        var changed = await changes.SetAsync(command.UserId, command.MediaId, cancellationToken);
        return changed.IsSuccess ? true : changed.Error;
    }
}
