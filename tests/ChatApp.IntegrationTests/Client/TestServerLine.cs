using System.Net.WebSockets;
using ChatApp.Client;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections.Client;

namespace ChatApp.IntegrationTests.Client;

/// <summary>
/// The client's hub connection to the in-process test server, which a test can cut (the socket aborts, as when a phone
/// loses its network) and keep down until it restores the line.
/// </summary>
public sealed class TestServerLine(ChatAppFactory factory)
{
    private volatile TaskCompletionSource _open = Opened();
    private volatile WebSocket? _socket;
    private int _connects;

    /// <summary>WebSocket connections made so far (the first and each reconnect).</summary>
    public int Connects => _connects;

    public ChatAppClient NewClient(bool messagePack = false) => new(factory.CreateClient(), new ChatAppClientOptions
    {
        StrictContract = true,
        UseMessagePack = messagePack,
        ConfigureHubConnection = Configure,
    });

    public void Cut()
    {
        _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _socket?.Abort();
    }

    public void Restore() => _open.TrySetResult();

    private void Configure(HttpConnectionOptions options) =>
        options.WebSocketFactory = async (context, cancellationToken) =>
        {
            await _open.Task.WaitAsync(cancellationToken);
            var token = options.AccessTokenProvider is { } provider ? await provider() : null;
            var client = factory.Server.CreateWebSocketClient();
            client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + token;
            var socket = await client.ConnectAsync(context.Uri, cancellationToken);
            _socket = socket;
            Interlocked.Increment(ref _connects);
            return socket;
        };

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
