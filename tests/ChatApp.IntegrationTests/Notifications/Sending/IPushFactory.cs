namespace ChatApp.IntegrationTests.Notifications.Sending;

/// <summary>A host that pushes through the stand-ins.</summary>
public interface IPushFactory
{
    PushStandIns Push { get; }
}
