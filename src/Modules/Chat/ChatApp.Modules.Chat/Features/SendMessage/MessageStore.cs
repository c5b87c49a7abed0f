using System.Diagnostics;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Rooms;
using ChatApp.Modules.Chat.Search;
using ChatApp.Modules.Media.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>
/// Stores a batch of sends in one transaction: one sequence update per room, the inserts of messages and room events,
/// the senders' read positions and one outbox event; each send is answered only after the commit. A deadlock retries
/// the batch; a unique violation (the same send on another node) stores it one send at a time, so the duplicate is
/// answered as a replay.
/// <para>This is the one class of the send path that opens a transaction itself (<c>BeginTransactionAsync</c>) instead
/// of leaving it to the unit-of-work behaviour: one transaction here holds the sends of many requests, and its
/// failures are answered per send. Keep transactions of the send path in this class.</para>
/// </summary>
internal sealed class MessageStore(
    IServiceScopeFactory scopeFactory,
    SendAdmission admission,
    IIdGenerator ids,
    TimeProvider timeProvider,
    OutboxSignal outboxSignal,
    ILogger<MessageStore> logger) : IMessageStore
{
    private const int MaxAttempts = 3;

    public async Task<List<StoredMessage>> StoreAsync(IReadOnlyList<PendingSend> batch, SendBatchTimings timings, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            var media = scope.ServiceProvider.GetRequiredService<IMediaCatalog>();
            return await StoreAsync(db, media, batch, timings, cancellationToken);
        }
        finally
        {
            timings.Store = Stopwatch.GetElapsedTime(start) - timings.Admission;
        }
    }

    private async Task<List<StoredMessage>> StoreAsync(
        ChatDbContext db, IMediaCatalog media, IReadOnlyList<PendingSend> batch, SendBatchTimings timings, CancellationToken cancellationToken)
    {
        var admitting = Stopwatch.GetTimestamp();
        var (rooms, accepted) = await admission.AdmitAsync(db, media, batch, cancellationToken);
        timings.Admission += Stopwatch.GetElapsedTime(admitting);
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
                    stored.AddRange(await StoreAsync(db, media, [pending], timings, cancellationToken));
                }

                return stored;
            }
            catch (Exception ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
                var pending = accepted[0];
                var replay = await SendAdmission.FindSentAsync(db, [pending], cancellationToken);
                if (!replay.ContainsKey(pending.Key))
                {
                    throw;
                }

                pending.Complete(await SendAdmission.ReplayAsync(media, pending, replay[pending.Key], cancellationToken));
                return [];
            }
        }
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
        // The search blocks of the batch's messages, in the same transaction and under the rooms' locks taken above.
        await MessageSearchIndex.AddAsync(db, stored.Select(s => s.Message).ToList(), cancellationToken);

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
}
