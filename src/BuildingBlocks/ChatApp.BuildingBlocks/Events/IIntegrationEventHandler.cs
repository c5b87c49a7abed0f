namespace ChatApp.BuildingBlocks.Events;

/// <summary>Handles one integration event in a consuming module. Runs in its own DI scope; may run again after a crash, so keep it idempotent.</summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
