using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>
/// Sign-in sessions of a user ended: from now on they give no access, so whatever another module keeps per session (a
/// device registered for push notifications, say) should go. Published through the Accounts outbox in the same
/// transaction that revokes the sessions, once per revocation; sessions that merely expire publish nothing (ask
/// <see cref="ISessionStatus"/> for those). A request's own session id is the access token's <c>sid</c> claim:
/// <c>ChatApp.BuildingBlocks.Web.ClaimsPrincipalExtensions.GetSessionId(user)</c>.
/// </summary>
/// <param name="SessionIds">The sessions this revocation ended (never empty).</param>
/// <param name="Reason">
/// Why, one of <see cref="SessionEndReasons"/>: <c>"logout"</c> (the device signed itself out), <c>"revoked"</c> (the
/// user signed out that device from another one), <c>"password_changed"</c> (every session but the one that changed the
/// password), <c>"account_deactivated"</c> (every session), <c>"refresh_reuse"</c> (a used refresh token was presented
/// again, so someone holds a copy: the session is revoked).
/// </param>
public sealed record SessionsEndedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid UserId,
    IReadOnlyList<Guid> SessionIds,
    string Reason) : IIntegrationEvent;
