using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>
/// A provider sign-in created an account whose provider profile has a picture at <paramref name="PictureUrl"/> (on one
/// of the provider's allowed picture origins); Accounts fetches it after the commit and, through Media, makes it the
/// avatar unless the user has chosen one by then.
/// </summary>
public sealed record ProviderPictureFoundIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid UserId,
    string Provider,
    Uri PictureUrl) : IIntegrationEvent;
