using System.Collections.Concurrent;
using ChatApp.Client.Chat;
using ChatApp.Client.Realtime;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Client;

/// <summary>Every message a <see cref="ChatRealtime"/> raised (live or through a catch-up), to wait for one with a timeout.</summary>
public sealed class MessageInbox
{
    private readonly ConcurrentQueue<Message> _messages = new();

    public MessageInbox(ChatRealtime realtime) => realtime.MessagesCreated += messages =>
    {
        foreach (var message in messages)
        {
            _messages.Enqueue(message);
        }
    };

    public IReadOnlyList<Message> All => [.. _messages];

    public async Task<Message> WaitForAsync(Func<Message, bool> match)
    {
        Message? found = null;
        await Eventually.Async(() => (found = _messages.FirstOrDefault(match)) is not null, TimeSpan.FromSeconds(30), () => $"{_messages.Count} messages: {string.Join(", ", _messages.Select(m => m.Text))}");
        return found!;
    }
}
