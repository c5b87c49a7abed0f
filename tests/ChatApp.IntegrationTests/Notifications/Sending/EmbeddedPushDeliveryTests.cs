namespace ChatApp.IntegrationTests.Notifications.Sending;

/// <summary>The push scenarios on the embedded default (SQLite, no Redis): the sender's leases and updates work there too.</summary>
public sealed class EmbeddedPushDeliveryTests(EmbeddedPushFactory factory) : PushDeliveryTestCases<EmbeddedPushFactory>(factory);
