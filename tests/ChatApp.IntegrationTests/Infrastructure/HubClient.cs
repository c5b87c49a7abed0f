using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>
/// A real .NET SignalR client connected to the test host over WebSockets (skipping negotiation, as the mobile app does),
/// recording every event it receives so tests can wait for one with a timeout.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _events = new(StringComparer.Ordinal);

    /// <summary>One new message, unpacked from the <c>MessagesCreated</c> frames the server sends.</summary>
    public const string MessageCreated = "MessageCreated";

    private HubClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public static async Task<HubClient> ConnectAsync(ChatAppFactory factory, string accessToken, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/chat"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = factory.Server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + accessToken;
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }

        var hub = new HubClient(builder.Build());
        foreach (var name in new[] { "MessagesCreated", "MessageUpdated", "MembershipChanged", "ReactionChanged", "ReadPositionChanged", "RoomCreated", "RoomChanged", "Typing", "PresenceChanged" })
        {
            var channel = hub._events.GetOrAdd(name, _ => Channel.CreateUnbounded<JsonElement>());
            hub.Connection.On<object>(name, payload => channel.Writer.TryWrite(ToJson(payload)));
        }

        // New messages arrive as frames (arrays); tests mostly care about the messages, so each is also queued alone
        // under the pseudo-event "MessageCreated", in arrival order.
        var messages = hub._events.GetOrAdd(MessageCreated, _ => Channel.CreateUnbounded<JsonElement>());
        hub.Connection.On<object>("MessagesCreated", payload =>
        {
            foreach (var message in ToJson(payload).EnumerateArray())
            {
                messages.Writer.TryWrite(message.Clone());
            }
        });

        await hub.Connection.StartAsync();
        return hub;
    }

    /// <summary>The next event of that name, or a failure after the timeout.</summary>
    public async Task<JsonElement> NextAsync(string eventName, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            return await _events[eventName].Reader.ReadAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {eventName} event arrived within the timeout.");
        }
    }

    /// <summary>Events of that name received so far and not yet consumed.</summary>
    public IReadOnlyList<JsonElement> Drain(string eventName)
    {
        var list = new List<JsonElement>();
        while (_events[eventName].Reader.TryRead(out var item))
        {
            list.Add(item);
        }

        return list;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private static JsonElement ToJson(object payload) => payload switch
    {
        JsonElement element => element.Clone(),
        _ => JsonSerializer.SerializeToElement(CamelCase(payload), MessagePackPayload.Options),
    };

    /// <summary>MessagePack maps carry the C# property names (PascalCase); JSON carries camelCase. Compare them alike.</summary>
    private static object? CamelCase(object? value) => value switch
    {
        IDictionary<object, object> map => map.ToDictionary(
            kv => kv.Key is string key && key.Length > 0 ? char.ToLowerInvariant(key[0]) + key[1..] : kv.Key.ToString()!,
            kv => CamelCase(kv.Value)),
        object[] array => array.Select(CamelCase).ToArray(),
        _ => value,
    };
}

/// <summary>MessagePack payloads arrive as dictionaries; JSON makes them comparable with the JSON protocol's payloads.</summary>
internal static class MessagePackPayload
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
