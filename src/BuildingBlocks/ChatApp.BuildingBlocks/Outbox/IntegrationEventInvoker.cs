using System.Collections.Concurrent;
using ChatApp.BuildingBlocks.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.BuildingBlocks.Outbox;

/// <summary>Resolves and calls the handlers of an event type known only at run time, without reflection per call.</summary>
internal abstract class IntegrationEventInvoker
{
    private static readonly ConcurrentDictionary<Type, IntegrationEventInvoker> Invokers = new();

    public static IntegrationEventInvoker For(Type eventType) =>
        Invokers.GetOrAdd(eventType, type => (IntegrationEventInvoker)Activator.CreateInstance(typeof(Typed<>).MakeGenericType(type))!);

    public abstract IReadOnlyList<object> Handlers(IServiceProvider services);

    public abstract Task InvokeAsync(object handler, IIntegrationEvent integrationEvent, CancellationToken cancellationToken);

    private sealed class Typed<TEvent> : IntegrationEventInvoker
        where TEvent : IIntegrationEvent
    {
        public override IReadOnlyList<object> Handlers(IServiceProvider services) =>
            services.GetServices<IIntegrationEventHandler<TEvent>>().Cast<object>().ToList();

        public override Task InvokeAsync(object handler, IIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
            ((IIntegrationEventHandler<TEvent>)handler).HandleAsync((TEvent)integrationEvent, cancellationToken);
    }
}
