using System.ComponentModel;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>
/// The public face of a user as other modules show it; <c>AvatarUrl</c> is the small (128 px) avatar, if any;
/// <c>Deactivated</c>: the owner has deactivated the account (see <see cref="IUserDirectory"/>); <c>Handle</c>: the
/// <c>@handle</c> as its owner wrote it, null until chosen; <c>Hidden</c>: a moderator banned or suspended it, or it
/// waits for review after reports: it is left out of recommendations and search.
/// Immutable: the query cache hands the same instance to every reader on a node.
/// </summary>
[ImmutableObject(true)]
public sealed record UserSummary(Guid Id, string DisplayName, string? AvatarUrl = null, bool Deactivated = false, string? Handle = null, bool Hidden = false);
