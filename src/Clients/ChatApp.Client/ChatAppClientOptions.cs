using System.Net.WebSockets;
using ChatApp.Client.Auth;
using Microsoft.AspNetCore.Http.Connections.Client;

namespace ChatApp.Client;

/// <summary>How a <see cref="ChatAppClient"/> talks to the server.</summary>
public sealed class ChatAppClientOptions
{
    /// <summary>Where the tokens live between runs (the device's secure storage in an app). Default: in memory.</summary>
    public ITokenStore TokenStore { get; init; } = new InMemoryTokenStore();

    /// <summary>Refresh this long before the access token expires, so a call never starts with a stale token.</summary>
    public TimeSpan RefreshBeforeExpiry { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Read responses strictly: a field the client does not know, a null where it expects a value or a missing
    /// required field fails the call. For tests that must notice contract drift; leave off in apps.
    /// </summary>
    public bool StrictContract { get; init; }

    /// <summary>Use the MessagePack hub protocol instead of JSON.</summary>
    public bool UseMessagePack { get; init; }

    /// <summary>Tries per realtime send (the first included) before the failure is passed on.</summary>
    public int MaxSendAttempts { get; init; } = 5;

    /// <summary>Extra configuration of the hub connection (a proxy, a custom <see cref="WebSocket"/> factory in tests).</summary>
    public Action<HttpConnectionOptions>? ConfigureHubConnection { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
