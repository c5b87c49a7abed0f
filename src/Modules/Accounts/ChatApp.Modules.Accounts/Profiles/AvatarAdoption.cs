namespace ChatApp.Modules.Accounts.Profiles;

/// <summary>What <see cref="AvatarChanges.AdoptIfNoneAsync"/> did with an image offered as the avatar.</summary>
internal enum AvatarAdoption
{
    Adopted,

    /// <summary>The user has an avatar (their own choice wins).</summary>
    AvatarAlreadySet,

    /// <summary>The account no longer exists (deleted meanwhile).</summary>
    UserGone,
}
