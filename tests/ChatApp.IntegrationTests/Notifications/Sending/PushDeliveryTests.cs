namespace ChatApp.IntegrationTests.Notifications.Sending;

/// <summary>The push scenarios on MariaDB + Redis.</summary>
public sealed class PushDeliveryTests(PushFactory factory) : PushDeliveryTestCases<PushFactory>(factory);
