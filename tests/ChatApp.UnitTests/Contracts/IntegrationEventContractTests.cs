using ChatApp.BuildingBlocks.Outbox;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Contracts;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace ChatApp.UnitTests.Contracts;

/// <summary>
/// Integration events are stored in outboxes as JSON and read back by other modules, possibly after a deployment:
/// their shape must only change on purpose (add fields; never rename or remove them).
/// </summary>
public sealed class IntegrationEventContractTests
{
    private static readonly Guid EventId = Guid.Parse("0197a3c1-0000-7000-8000-000000000001");
    private static readonly Guid UserId = Guid.Parse("0197a3c1-0000-7000-8000-000000000002");
    private static readonly Guid RoomId = Guid.Parse("0197a3c1-0000-7000-8000-000000000003");
    private static readonly Guid MessageId = Guid.Parse("0197a3c1-0000-7000-8000-000000000004");
    private static readonly Guid SenderId = Guid.Parse("0197a3c1-0000-7000-8000-000000000005");
    private static readonly Guid SessionId = Guid.Parse("0197a3c1-0000-7000-8000-000000000006");
    private static readonly DateTime OccurredAt = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void UserRegistered_is_stored_with_the_approved_shape() =>
        Snapshot.Match(Stored(new UserRegisteredIntegrationEvent(EventId, OccurredAt, UserId, "Ann")));

    [Fact]
    public void UserProfileUpdated_is_stored_with_the_approved_shape() =>
        Snapshot.Match(Stored(new UserProfileUpdatedIntegrationEvent(EventId, OccurredAt, UserId, "Annie", "Loves hiking")));

    [Fact]
    public void SessionsEnded_is_stored_with_the_approved_shape() =>
        Snapshot.Match(Stored(new SessionsEndedIntegrationEvent(EventId, OccurredAt, UserId, [SessionId], SessionEndReasons.PasswordChanged)));

    [Fact]
    public void AccountDeleted_is_stored_with_the_approved_shape() =>
        Snapshot.Match(Stored(new AccountDeletedIntegrationEvent(EventId, OccurredAt, UserId)));

    [Fact]
    public void NotificationsPending_is_stored_with_the_approved_shape() =>
        Snapshot.Match(Stored(new NotificationsPendingIntegrationEvent(EventId, OccurredAt, [new PendingNotice(UserId, RoomId, MessageId, 42, SenderId)])));

    [Fact]
    public void RoomRead_is_stored_with_the_approved_shape() =>
        Snapshot.Match(Stored(new RoomReadIntegrationEvent(EventId, OccurredAt, UserId, RoomId, 42)));

    private static JObject Stored(BuildingBlocks.Events.IIntegrationEvent integrationEvent)
    {
        var message = OutboxMessage.From(integrationEvent);
        return new JObject
        {
            ["type"] = message.Type,
            ["content"] = JObject.Parse(message.Content),
        };
    }
}
