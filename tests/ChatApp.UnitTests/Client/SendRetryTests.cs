using ChatApp.Client.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace ChatApp.UnitTests.Client;

public sealed class SendRetryTests
{
    private const string Overloaded = "An unexpected error occurred invoking 'SendMessage' on the server. HubException: chat.overloaded: This server is busy. Retry in 1 s.";

    [Fact]
    public async Task Every_retry_sends_the_same_client_message_id()
    {
        var ids = new List<string>();
        var waits = new List<TimeSpan>();

        var result = await SendRetry.RunAsync(
            "cmid-1",
            (id, _) =>
            {
                ids.Add(id);
                return ids.Count switch
                {
                    1 => throw new HubException(Overloaded),
                    2 => throw new InvalidOperationException("The 'InvokeCoreAsync' method cannot be called if the connection is not active"),
                    3 => throw new HubException("An unexpected error occurred invoking 'SendMessage' on the server. HubException: chat.server_restarting: This server is restarting."),
                    _ => Task.FromResult("stored"),
                };
            },
            (delay, _) =>
            {
                waits.Add(delay);
                return Task.CompletedTask;
            },
            maxAttempts: 5,
            CancellationToken.None);

        Assert.Equal("stored", result);
        Assert.Equal(["cmid-1", "cmid-1", "cmid-1", "cmid-1"], ids);
        Assert.Equal(3, waits.Count);
        Assert.InRange(waits[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.25));
    }

    [Fact]
    public async Task It_gives_up_after_the_last_attempt_with_the_servers_code()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<ChatHubException>(() => SendRetry.RunAsync<string>(
            "cmid-2",
            (_, _) =>
            {
                attempts++;
                throw new HubException(Overloaded);
            },
            (_, _) => Task.CompletedTask,
            maxAttempts: 5,
            CancellationToken.None));

        Assert.Equal(5, attempts);
        Assert.Equal("chat.overloaded", error.Code);
    }

    [Fact]
    public async Task A_refusal_that_stored_nothing_for_a_reason_a_retry_cannot_fix_is_not_retried()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<ChatHubException>(() => SendRetry.RunAsync<string>(
            "cmid-3",
            (_, _) =>
            {
                attempts++;
                throw new HubException("An unexpected error occurred invoking 'SendMessage' on the server. HubException: chat.room_not_found: No such room.");
            },
            (_, _) => Task.CompletedTask,
            maxAttempts: 5,
            CancellationToken.None));

        Assert.Equal(1, attempts);
        Assert.Equal("chat.room_not_found", error.Code);
    }
}
