using System.Diagnostics.Metrics;
using ChatApp.Modules.Chat;
using ChatApp.Modules.Chat.Realtime;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatApp.UnitTests.Chat.SendMessage;

/// <summary>The realtime fan-out of one node without Redis, writing to a <see cref="RecordingFrameWriter"/>.</summary>
internal static class TestRealtime
{
    public static RoomStreams Streams(ServiceProvider services, IRoomFrameWriter writer, TimeProvider? time = null, TimeSpan? gapWait = null) =>
        new(writer, Metrics(services), Options.Create(new ChatOptions { RoomEventGapWait = gapWait ?? TimeSpan.FromSeconds(1) }), time ?? TimeProvider.System);

    public static RoomBus Bus(ServiceProvider services, IRoomFrameWriter writer) =>
        new(Streams(services, writer), new NoProtocols(), Metrics(services), services, new ConfigurationBuilder().Build(), NullLogger<RoomBus>.Instance);

    public static RealtimeMetrics Metrics(ServiceProvider services) => new(services.GetRequiredService<IMeterFactory>());

    /// <summary>Protocols are needed only to publish to other nodes, which a node without Redis never does.</summary>
    private sealed class NoProtocols : IHubProtocolResolver
    {
        public IReadOnlyList<IHubProtocol> AllProtocols => [];

        public IHubProtocol? GetProtocol(string protocolName, IReadOnlyList<string>? supportedProtocols) => null;
    }
}
