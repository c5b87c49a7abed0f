namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>
/// What other modules may ask Accounts about sign-in sessions (implemented inside Accounts). The session of a request is
/// the access token's <c>sid</c> claim, read with <c>ChatApp.BuildingBlocks.Web.ClaimsPrincipalExtensions.GetSessionId(user)</c>
/// (null for the admin cookie, which has no session); revocations are also published as <see cref="SessionsEndedIntegrationEvent"/>.
/// </summary>
public interface ISessionStatus
{
    /// <summary>
    /// Those of <paramref name="sessionIds"/> that no longer allow access: signed out, revoked (another device, a
    /// password change, a deactivated account, a replayed refresh token), expired, or unknown.
    /// </summary>
    Task<IReadOnlySet<Guid>> GetEndedAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken);
}
