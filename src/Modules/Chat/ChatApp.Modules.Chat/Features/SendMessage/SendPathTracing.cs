using System.Diagnostics;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>
/// The send path's spans on the activity source <c>ChatApp.Chat.SendPath</c> (ADR 0020). A batch holds the sends of many
/// callers but is stored once, so its <c>chat.send_batch</c> span is a child of the first traced send's caller (the hub
/// invocation or the HTTP request) and links every send; every other caller's span links back to the batch. The
/// database spans of the store transaction fall under the batch, and <c>chat.broadcast</c> is the batch's child, so a
/// message sent alone (the common case under light load) is one trace from the hub call through the database to the
/// broadcast. Without a listener nothing is created.
/// </summary>
internal static class SendPathTracing
{
    public const string SourceName = "ChatApp.Chat.SendPath";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts the batch's span (null while nobody listens).</summary>
    public static Activity? StartBatch(IReadOnlyList<PendingSend> batch)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        ActivityContext parent = default;
        var links = new List<ActivityLink>(batch.Count);
        foreach (var pending in batch)
        {
            if (pending.Caller is not { } caller)
            {
                continue;
            }

            if (parent == default)
            {
                parent = caller.Context;
            }

            links.Add(new ActivityLink(caller.Context));
        }

        var activity = Source.StartActivity("chat.send_batch", ActivityKind.Internal, parent, links: links);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("chatapp.send.batch_size", batch.Count);
        foreach (var pending in batch)
        {
            // The callers wait for their answer until the batch is stored, so nothing else touches their activity now.
            if (pending.Caller is { } caller && caller.TraceId != activity.TraceId)
            {
                caller.AddLink(new ActivityLink(activity.Context));
            }
        }

        return activity;
    }

    /// <summary>Starts the broadcast span of a stored batch under the batch's span (null when the batch was not traced).</summary>
    public static Activity? StartBroadcast(ActivityContext batch, int messages, int frames)
    {
        if (batch == default)
        {
            return null;
        }

        var activity = Source.StartActivity("chat.broadcast", ActivityKind.Producer, batch);
        activity?.SetTag("chatapp.broadcast.messages", messages);
        activity?.SetTag("chatapp.broadcast.frames", frames);
        return activity;
    }
}
