using ChatApp.Modules.Media.Contracts;
using System.Threading.Channels;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>
/// Stores sends in batches: every send of this node waits in one queue, and one loop takes whatever has queued (up to
/// <see cref="ChatOptions.SendBatchMaxSize"/>) and stores it in one transaction: one membership query, one replay query,
/// one sequence update per room, the inserts, the senders' read positions and one outbox event. Each send is answered
/// only after that transaction commits, so an acknowledged message is durable; then the batch is broadcast in sequence
/// order. Under light load a batch holds one send and costs what a single send did; under heavy load the cost of a
/// commit (the log flush) is shared by the whole batch.
/// </summary>
internal sealed class MessageWriter(
    IServiceScopeFactory scopeFactory,
    IHubContext<ChatHub> hub,
    SendRateLimiter rateLimiter,
    IIdGenerator ids,
    TimeProvider timeProvider,
    OutboxSignal outboxSignal,
    IOptions<ChatOptions> options,
    ILogger<MessageWriter> logger) : BackgroundService
{
    private const int MaxAttempts = 3;

    /// <summary>Bounds a frame's size (at most this many texts of up to 4,000 characters) for the phones' parsers.</summary>
    private const int MaxMessagesPerFrame = 64;
    private readonly Channel<PendingSend> _queue = Channel.CreateUnbounded<PendingSend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<List<StoredMessage>> _broadcasts = Channel.CreateUnbounded<List<StoredMessage>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>Queues a validated send and waits until it is stored (or refused).</summary>
    public async Task<Result<SendMessageResult>> SendAsync(SendMessageCommand command, CancellationToken cancellationToken)
    {
        var pending = new PendingSend(command);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new OperationCanceledException("The server is shutting down.");
        }

        // Once queued the send is stored even if this caller goes away; a retry with the same client message id finds it.
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broadcasting = Task.Run(BroadcastLoopAsync, CancellationToken.None);
        try
        {
            await WriteLoopAsync(stoppingToken);
        }
        finally
        {
            _broadcasts.Writer.TryComplete();
            await broadcasting;
        }
    }

    private async Task WriteLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingSend>();
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < options.Value.SendBatchMaxSize && reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                await WriteAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (reader.TryRead(out var pending))
            {
                pending.Completion.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task WriteAsync(List<PendingSend> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            var media = scope.ServiceProvider.GetRequiredService<IMediaCatalog>();
            var stored = await StoreAsync(db, media, batch, cancellationToken);
            if (stored.Count > 0)
            {
                _broadcasts.Writer.TryWrite(stored);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Storing a batch of {Count} message(s) failed", batch.Count);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(ex);
            }
        }
        finally
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetCanceled(CancellationToken.None); // only those the shutdown interrupted
            }
        }
    }

    /// <summary>Checks and stores the batch; completes every send; returns the messages created, in commit order.</summary>
    private async Task<List<StoredMessage>> StoreAsync(ChatDbContext db, IMediaCatalog media, IReadOnlyList<PendingSend> batch, CancellationToken cancellationToken)
    {
        var rooms = await LoadRoomsAsync(db, batch, cancellationToken);
        var accepted = await CheckAsync(db, media, batch, rooms, cancellationToken);
        if (accepted.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InsertAsync(db, media, accepted, rooms, cancellationToken);
            }
            catch (Exception ex) when (DatabaseErrors.IsDeadlock(ex) && attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                logger.LogWarning("A message batch met a deadlock; retrying (attempt {Attempt})", attempt + 1);
            }
            catch (Exception ex) when (DatabaseErrors.IsUniqueViolation(ex) && accepted.Count > 1)
            {
                // Most likely the same (sender, client message id) sent to another node at the same moment: the unique
                // index kept the first. Store the sends one by one; the duplicate is then answered as a replay.
                db.ChangeTracker.Clear();
                var stored = new List<StoredMessage>();
                foreach (var pending in accepted)
                {
                    stored.AddRange(await StoreAsync(db, media, [pending], cancellationToken));
                }

                return stored;
            }
            catch (Exception ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
                var pending = accepted[0];
                var replay = await FindSentAsync(db, [pending], cancellationToken);
                if (!replay.ContainsKey(pending.Key))
                {
                    throw;
                }

                pending.Complete(await ReplayAsync(media, pending, replay[pending.Key], cancellationToken));
                return [];
            }
        }
    }

    private static async Task<Dictionary<Guid, RoomInfo>> LoadRoomsAsync(ChatDbContext db, IReadOnlyList<PendingSend> batch, CancellationToken cancellationToken)
    {
        var roomIds = batch.Select(p => p.Command.RoomId).Distinct().ToList();
        var members = await db.Rooms.AsNoTracking()
            .Where(r => roomIds.Contains(r.Id))
            .SelectMany(r => r.Members, (r, m) => new { r.Id, r.Kind, m.UserId })
            .ToListAsync(cancellationToken);
        return members.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => new RoomInfo(g.First().Kind, g.Select(m => m.UserId).ToList()));
    }

    /// <summary>Answers the sends that are refused or replays; returns the ones to store, each send once.</summary>
    private async Task<List<PendingSend>> CheckAsync(
        ChatDbContext db, IMediaCatalog media, IReadOnlyList<PendingSend> batch, Dictionary<Guid, RoomInfo> rooms, CancellationToken cancellationToken)
    {
        // Copies of one send are grouped per room: a copy aimed at another room must get its own answer (a replay
        // there is a conflict), not the answer of the first copy. Two rooms' copies both reaching the insert collide
        // on the unique (sender, client message id) index, and the batch is then stored one send at a time.
        var primaries = new Dictionary<((Guid, string), Guid), PendingSend>();
        foreach (var pending in batch)
        {
            var command = pending.Command;
            if (!rooms.TryGetValue(command.RoomId, out var room) || !room.Members.Contains(command.UserId))
            {
                pending.Complete(ChatErrors.RoomNotFound);
            }
            else if (primaries.TryGetValue((pending.Key, command.RoomId), out var first))
            {
                first.Followers.Add(pending); // the same send twice in one batch: answered with the first one's message
            }
            else
            {
                primaries.Add((pending.Key, command.RoomId), pending);
            }
        }

        var sent = await FindSentAsync(db, primaries.Values, cancellationToken);
        var candidates = new List<PendingSend>();
        foreach (var pending in primaries.Values)
        {
            if (sent.TryGetValue(pending.Key, out var original))
            {
                pending.Complete(await ReplayAsync(media, pending, original, cancellationToken));
            }
            else if (!rateLimiter.TryAcquire(pending.Command.UserId))
            {
                pending.Complete(ChatErrors.RateLimited);
            }
            else
            {
                candidates.Add(pending);
            }
        }

        var blocked = await BlockedDirectSendsAsync(db, candidates, rooms, cancellationToken);
        var replyRooms = await ReplyRoomsAsync(db, candidates, cancellationToken);
        var accepted = new List<PendingSend>();
        foreach (var pending in candidates)
        {
            if (blocked.Contains(pending))
            {
                pending.Complete(ChatErrors.Blocked);
            }
            else if (pending.Command.ReplyTo is { } replyTo && (!replyRooms.TryGetValue(replyTo, out var replyRoom) || replyRoom != pending.Command.RoomId))
            {
                pending.Complete(Error.Validation("replyTo", "The message replied to is not in this room."));
            }
            else
            {
                accepted.Add(pending);
            }
        }

        return accepted;
    }

    private static async Task<Dictionary<(Guid, string), Message>> FindSentAsync(
        ChatDbContext db, IEnumerable<PendingSend> sends, CancellationToken cancellationToken)
    {
        var keys = sends.Select(p => p.Key).ToHashSet();
        if (keys.Count == 0)
        {
            return [];
        }

        // One point lookup per key on the unique (sender, client message id) index. Two IN lists (senders, ids) would
        // make the database scan every message of every sender in the batch: that grew with history and was most of
        // the database's time under load.
        await using var sql = new SqlBatch<Message>(db);
        var sender = sql.Column(nameof(Message.SenderId));
        var clientMessageId = sql.Column(nameof(Message.ClientMessageId));
        foreach (var (senderId, clientId) in keys)
        {
            sql.Text.Append(sql.Text.Length == 0 ? "(" : " OR (")
                .Append($"{sender} = {sql.Value(nameof(Message.SenderId), senderId)} AND {clientMessageId} = {sql.Value(nameof(Message.ClientMessageId), clientId)})");
        }

        var found = await sql.Where().ToListAsync(cancellationToken);
        return found.Where(m => keys.Contains((m.SenderId, m.ClientMessageId))).ToDictionary(m => (m.SenderId, m.ClientMessageId));
    }

    private static async Task<Result<SendMessageResult>> ReplayAsync(IMediaCatalog media, PendingSend pending, Message original, CancellationToken cancellationToken) =>
        original.RoomId == pending.Command.RoomId
            ? new SendMessageResult(MessageResponse.From(original, await MessageAttachments.LoadAsync(media, [original], cancellationToken)), Created: false)
            : ChatErrors.ClientMessageIdReused;

    /// <summary>Sends into direct rooms where either person has blocked the other.</summary>
    private static async Task<HashSet<PendingSend>> BlockedDirectSendsAsync(
        ChatDbContext db, List<PendingSend> sends, Dictionary<Guid, RoomInfo> rooms, CancellationToken cancellationToken)
    {
        var direct = sends
            .Where(p => rooms[p.Command.RoomId].Kind == RoomKind.Direct)
            .Select(p => (Send: p, Partner: rooms[p.Command.RoomId].Members.FirstOrDefault(u => u != p.Command.UserId)))
            .Where(d => d.Partner != Guid.Empty)
            .ToList();
        if (direct.Count == 0)
        {
            return [];
        }

        var people = direct.SelectMany(d => new[] { d.Send.Command.UserId, d.Partner }).Distinct().ToList();
        var blocks = (await db.Blocks.AsNoTracking()
                .Where(b => people.Contains(b.BlockerId) && people.Contains(b.BlockedId))
                .Select(b => new { b.BlockerId, b.BlockedId })
                .ToListAsync(cancellationToken))
            .Select(b => (b.BlockerId, b.BlockedId))
            .ToHashSet();
        return direct
            .Where(d => blocks.Contains((d.Send.Command.UserId, d.Partner)) || blocks.Contains((d.Partner, d.Send.Command.UserId)))
            .Select(d => d.Send)
            .ToHashSet();
    }

    private static async Task<Dictionary<Guid, Guid>> ReplyRoomsAsync(ChatDbContext db, List<PendingSend> sends, CancellationToken cancellationToken)
    {
        var replyIds = sends.Where(p => p.Command.ReplyTo is not null).Select(p => p.Command.ReplyTo!.Value).Distinct().ToList();
        return replyIds.Count == 0
            ? []
            : await db.Messages.AsNoTracking().Where(m => replyIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.RoomId, cancellationToken);
    }

    /// <summary>One transaction: numbers, inserts, read positions, outbox event. Completes the sends after the commit.</summary>
    private async Task<List<StoredMessage>> InsertAsync(
        ChatDbContext db, IMediaCatalog media, List<PendingSend> accepted, Dictionary<Guid, RoomInfo> rooms, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var byRoom = accepted
            .Select(pending => new StoredMessage(pending, NewMessage(pending.Command, now), rooms[pending.Command.RoomId]))
            .GroupBy(s => s.Message.RoomId)
            .OrderBy(g => g.Key)
            .ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Rooms are locked in one order (by id) so that two batches sharing rooms cannot deadlock each other.
        await RoomSequence.AdvanceManyAsync(db, byRoom.Select(r => (r.Key, r.Count(), r.Last().Message.Id)), now, cancellationToken);

        var ends = await RoomSequence.LastAsync(db, byRoom.Select(r => r.Key).ToList(), cancellationToken);
        var stored = new List<StoredMessage>(accepted.Count);
        foreach (var room in byRoom)
        {
            var seq = ends[room.Key] - room.Count();
            foreach (var s in room)
            {
                s.Message.Seq = ++seq;
                stored.Add(s);
            }
        }

        db.AddIntegrationEvent(new MessagesPostedIntegrationEvent(ids.NewId(), now, stored
            .Select(s => new PostedMessage(s.Message.Id, s.Message.RoomId, s.Message.Seq, s.Message.SenderId,
                s.Room.Members.Where(u => u != s.Message.SenderId).ToList(), s.Message.Attachments is null ? null : s.Message.AttachmentIds))
            .ToList()));
        await db.SaveChangesAsync(cancellationToken);
        await db.InsertAllAsync(stored.Select(s => s.Message).ToList(), cancellationToken);
        await db.InsertAllAsync(stored.Select(s => new RoomEvent
            {
                RoomId = s.Message.RoomId, Seq = s.Message.Seq, Kind = RoomEventKinds.MessageCreated, MessageId = s.Message.Id, UserId = s.Message.SenderId, OccurredAt = now,
            }).ToList(), cancellationToken);

        // Sending moves the sender's read position to their newest message of the batch (forward only).
        await ReadPositions.AdvanceAsync(db, stored
            .GroupBy(s => (s.Message.RoomId, s.Message.SenderId))
            .Select(g => (g.Key.RoomId, g.Key.SenderId, g.Max(s => s.Message.Seq))), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outboxSignal.Notify();
        db.ChangeTracker.Clear();

        // Pictures' signed URLs, looked up only for batches that carry any.
        var attached = await MessageAttachments.LoadAsync(media, stored.Select(s => s.Message), cancellationToken);
        foreach (var s in stored)
        {
            var response = MessageResponse.From(s.Message, attached);
            s.Response = response;
            s.Pending.Complete(new SendMessageResult(response, Created: true));
        }

        return stored;
    }

    private Message NewMessage(SendMessageCommand command, DateTime now) => new()
    {
        Id = ids.NewId(),
        RoomId = command.RoomId,
        SenderId = command.UserId,
        ClientMessageId = command.ClientMessageId,
        Text = command.Text,
        ReplyToId = command.ReplyTo,
        Attachments = Message.JoinAttachments(command.Attachments),
        CreatedAt = now,
    };

    /// <summary>
    /// Rings every member's doorbell, batch after batch in commit order, apart from the writer so that storing the next
    /// batch overlaps with broadcasting this one. Each connection gets one <c>MessagesCreated</c> frame per batch holding
    /// all of the batch's messages for its user, in sequence order per room: one SignalR message (and, with Redis, one
    /// publish) per member per batch instead of one per member per message. Members whose rooms in the batch are the same
    /// share one serialised payload. The next batch starts once this one is out, so frames never overtake each other.
    /// </summary>
    private async Task BroadcastLoopAsync()
    {
        await foreach (var stored in _broadcasts.Reader.ReadAllAsync())
        {
            var sends = new List<Task>();
            foreach (var (users, messages) in MessageFrames.Build(stored.Select(s => (s.Room.Members, s.Response!)), MaxMessagesPerFrame))
            {
                sends.Add(hub.Clients.Users(users).SendAsync(ChatEvents.MessagesCreated, messages, CancellationToken.None));
            }

            try
            {
                await Task.WhenAll(sends);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not broadcast {Count} new message(s); clients will catch up from history", stored.Count);
            }
        }
    }

    private sealed record RoomInfo(RoomKind Kind, IReadOnlyList<Guid> Members);

    private sealed class StoredMessage(PendingSend pending, Message message, RoomInfo room)
    {
        public PendingSend Pending { get; } = pending;

        public Message Message { get; } = message;

        public RoomInfo Room { get; } = room;

        public MessageResponse? Response { get; set; }
    }

    private sealed class PendingSend(SendMessageCommand command)
    {
        public SendMessageCommand Command { get; } = command;

        public (Guid, string) Key { get; } = (command.UserId, command.ClientMessageId);

        public TaskCompletionSource<Result<SendMessageResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Later copies of this send in the same batch.</summary>
        public List<PendingSend> Followers { get; } = [];

        public void Complete(Result<SendMessageResult> result)
        {
            Completion.TrySetResult(result);
            foreach (var follower in Followers)
            {
                follower.Completion.TrySetResult(!result.IsSuccess ? result
                    : result.Value.Message.RoomId == follower.Command.RoomId ? result.Value with { Created = false }
                    : ChatErrors.ClientMessageIdReused);
            }
        }
    }
}
