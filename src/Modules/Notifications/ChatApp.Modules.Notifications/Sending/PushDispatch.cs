using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Notifications.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Notifications.Sending;

/// <summary>
/// One pass of the push sender. Leases the due work items with one update (the lease's end, unique with a random part,
/// tells which ones this node got; several nodes never share an item), drops devices whose session has ended, asks Chat
/// what each item may push (read position, newest pushable message, total unread), plans per device
/// (<see cref="PushPlanner"/>), sends with bounded concurrency, and records every accepted push per device and room
/// before it lets go of the item: a retried item resends only to the devices that did not get it. A push service that
/// fails puts the item back with back-off (its Retry-After honoured): an outage delays pushes, it neither loses nor
/// doubles them. An item is deleted only if nothing new arrived while it was being sent (its version is unchanged).
/// </summary>
internal sealed partial class PushDispatch(
    NotificationsDbContext db,
    IEnumerable<IPushProvider> providers,
    IPushContent content,
    ISessionStatus sessions,
    IUserDirectory users,
    IOptions<NotificationsOptions> options,
    TimeProvider timeProvider,
    PushMetrics metrics,
    ILogger<PushDispatch> logger)
{
    private readonly NotificationsOptions _options = options.Value;

    /// <summary>Handles the due work; returns how many items were due (a full batch: run again at once).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var due = await db.Pushes.AsNoTracking()
            .Where(p => p.DueAt <= now && (p.LockedUntil == null || p.LockedUntil < now))
            .OrderBy(p => p.DueAt)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var (work, leaseEnd) = await LeaseAsync(due, now, cancellationToken);
        if (work.Count > 0)
        {
            var pass = new PushPass(leaseEnd, now + _options.LeaseDuration / 4);
            try
            {
                await PushAsync(work, now, pass, cancellationToken);
                pass.Recorded = true;
            }
            finally
            {
                // Also after a failure (a database hiccup, the node stopping): then every item goes back, none is lost.
                await ReleaseAsync(work, pass);
            }
        }

        return due.Count;
    }

    private async Task<(List<PushWork> Work, DateTime LeaseEnd)> LeaseAsync(List<PushWork> due, DateTime now, CancellationToken cancellationToken)
    {
        var userIds = due.Select(p => p.UserId).Distinct().ToList();
        var roomIds = due.Select(p => p.RoomId).Distinct().ToList();
        DateTime? leaseEnd = now + _options.LeaseDuration + TimeSpan.FromMicroseconds(Random.Shared.Next(1_000_000));
        leaseEnd = new DateTime(leaseEnd.Value.Ticks - (leaseEnd.Value.Ticks % 10), DateTimeKind.Utc); // microseconds, as stored

        // The users × rooms filter may take a few more items than were read: they are due too.
        await db.Pushes
            .Where(p => userIds.Contains(p.UserId) && roomIds.Contains(p.RoomId) && p.DueAt <= now && (p.LockedUntil == null || p.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LockedUntil, leaseEnd), cancellationToken);
        var mine = await db.Pushes.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId) && roomIds.Contains(p.RoomId) && p.LockedUntil == leaseEnd)
            .ToListAsync(cancellationToken);
        return (mine, leaseEnd.Value);
    }

    private async Task PushAsync(List<PushWork> work, DateTime now, PushPass pass, CancellationToken cancellationToken)
    {
        var enabled = providers.Where(p => p.IsEnabled).ToDictionary(p => p.Platform);
        var userIds = work.Select(w => w.UserId).Distinct().ToList();
        var devices = await db.Devices.AsNoTracking().Where(d => userIds.Contains(d.UserId)).ToListAsync(cancellationToken);
        devices = await WithoutEndedSessionsAsync(devices, cancellationToken);
        var devicesByUser = devices.Where(d => enabled.ContainsKey(d.Platform)).ToLookup(d => d.UserId);
        var active = work.Where(w => devicesByUser[w.UserId].Any()).ToList();
        if (active.Count == 0)
        {
            return;
        }

        var activeUsers = active.Select(w => w.UserId).Distinct().ToList();
        var roomIds = active.Select(w => w.RoomId).Distinct().ToList();
        var deviceIds = active.SelectMany(w => devicesByUser[w.UserId]).Select(d => d.Id).Distinct().ToList();
        var preferences = await db.Preferences.AsNoTracking().Where(p => activeUsers.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var mutes = (await db.RoomMutes.AsNoTracking().Where(m => activeUsers.Contains(m.UserId) && roomIds.Contains(m.RoomId)).ToListAsync(cancellationToken))
            .ToDictionary(m => (m.UserId, m.RoomId));
        var deliveries = (await db.Deliveries.AsNoTracking().Where(d => deviceIds.Contains(d.DeviceId) && roomIds.Contains(d.RoomId)).ToListAsync(cancellationToken))
            .ToDictionary(d => (d.DeviceId, d.RoomId));
        var snapshot = await content.GetAsync(active.Select(w => new PushContentKey(w.UserId, w.RoomId)).ToList(), cancellationToken);
        var senderIds = snapshot.Rooms.Values.Where(r => r.Latest is not null).Select(r => r.Latest!.SenderId).Distinct().ToList();
        var senders = senderIds.Count == 0 ? new Dictionary<Guid, UserSummary>() : await users.GetUsersAsync(senderIds, cancellationToken);

        var plans = new List<PlannedPush>();
        foreach (var item in active)
        {
            var room = snapshot.Rooms.GetValueOrDefault(new PushContentKey(item.UserId, item.RoomId)) ?? PushRoomContent.NotMember;
            var badge = snapshot.TotalUnread.GetValueOrDefault(item.UserId);
            var alert = AlertFor(item, room, badge, preferences.GetValueOrDefault(item.UserId), mutes.GetValueOrDefault((item.UserId, item.RoomId)), senders, now);
            plans.AddRange(PushPlanner.Plan(item, room, alert, badge, devicesByUser[item.UserId], deliveries));
        }

        if (plans.Count == 0)
        {
            return;
        }

        var results = new PushResult?[plans.Count];
        // A pass never outlives its lease (another node would take the items and push them again): no send starts after
        // the send deadline, and one still running a quarter of the lease before its end (a hanging token endpoint, say)
        // is cancelled; both are left for a later pass.
        using var withinLease = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        withinLease.CancelAfter(pass.LeaseEnd - _options.LeaseDuration / 4 - timeProvider.GetUtcNow().UtcDateTime);
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, plans.Count),
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentSends, CancellationToken = cancellationToken },
                async (index, _) =>
                {
                    if (timeProvider.GetUtcNow().UtcDateTime >= pass.SendDeadline || withinLease.IsCancellationRequested)
                    {
                        return;
                    }

                    try
                    {
                        results[index] = await SendAsync(enabled[plans[index].Device.Platform], plans[index], withinLease.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The lease is ending: not sent as far as we know; a later pass does it.
                    }
                });
        }
        finally
        {
            // Even when the node is stopping, what was accepted is recorded: it is not sent again.
            await RecordAsync(plans, results, deliveries, pass);
        }
    }

    private PushMessage? AlertFor(
        PushWork item, PushRoomContent room, int badge, NotificationPreferences? preferences, RoomMute? mute, IReadOnlyDictionary<Guid, UserSummary> senders, DateTime now)
    {
        if (!room.IsMember || room.Latest is not { } latest || latest.Seq <= Math.Max(item.ReadSeq, room.ReadSeq))
        {
            return null; // read meanwhile, deleted, or from someone blocked: nothing to say
        }

        if ((mute is not null && (mute.Until is null || mute.Until > now)) || QuietHours.IsQuiet(preferences, now) || now - item.FirstNoticeAt > _options.MaxAge)
        {
            return null;
        }

        var (title, body) = PushText.Compose(room, latest, senders.GetValueOrDefault(latest.SenderId)?.DisplayName, preferences?.ShowPreviews ?? true);
        return new PushMessage(PushKind.Alert, item.RoomId, latest.Seq, badge, latest.MessageId, title, body);
    }

    private async Task<PushResult> SendAsync(IPushProvider provider, PlannedPush push, CancellationToken cancellationToken)
    {
        try
        {
            return await provider.SendAsync(new PushTarget(push.Device.Id, push.Device.Platform, push.Device.Token, push.Device.AppId), push.Message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(ex, push.Device.Platform, push.Device.Id);
            return PushResult.RetryLater(ex.GetType().Name);
        }
    }

    private async Task RecordAsync(List<PlannedPush> plans, PushResult?[] results, Dictionary<(Guid DeviceId, Guid RoomId), Delivery> deliveries, PushPass pass)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var gone = new HashSet<Guid>();
        var shown = new Dictionary<(Guid DeviceId, Guid RoomId), Delivery>();
        for (var i = 0; i < plans.Count; i++)
        {
            var push = plans[i];
            var item = (push.Work.UserId, push.Work.RoomId);
            if (results[i] is not { } result)
            {
                pass.Defer(item); // not started (deadline) or interrupted (lease end, shutdown): a later pass does it
                continue;
            }

            metrics.Pushed(push, result, now);
            switch (result.Outcome)
            {
                case PushOutcome.Sent:
                case PushOutcome.Rejected:
                    if (result.Outcome == PushOutcome.Rejected)
                    {
                        LogRejected(push.Device.Platform, push.Message.Kind, result.Reason);
                    }
                    else if (push.Message.Kind == PushKind.Alert)
                    {
                        pass.Alerted.Add(item);
                    }

                    var key = (push.Device.Id, push.Work.RoomId);
                    if (!shown.TryGetValue(key, out var delivery))
                    {
                        var known = deliveries.GetValueOrDefault(key);
                        delivery = new Delivery { DeviceId = key.Item1, RoomId = key.RoomId, SentSeq = known?.SentSeq ?? 0, ClearedSeq = known?.ClearedSeq ?? 0 };
                        shown[key] = delivery;
                    }

                    if (push.Message.Kind == PushKind.Alert)
                    {
                        delivery.SentSeq = Math.Max(delivery.SentSeq, push.Message.Seq);
                    }
                    else
                    {
                        delivery.ClearedSeq = Math.Max(delivery.ClearedSeq, push.Message.Seq);
                    }

                    delivery.UpdatedAt = now;
                    break;
                case PushOutcome.DeviceGone:
                    // APNs says since when a token is dead: a phone that registered it again after that keeps it.
                    if (result.TokenInvalidSince is not { } since || since.UtcDateTime >= push.Device.UpdatedAt)
                    {
                        gone.Add(push.Device.Id);
                    }

                    break;
                default:
                    pass.Retry(item, result.RetryAfter);
                    LogRetry(push.Device.Platform, result.Reason, result.RetryAfter);
                    break;
            }
        }

        // A device removed, or moved to another account, while its push was in flight must not get a record of it.
        var shownIds = shown.Keys.Select(k => k.DeviceId).Distinct().ToList();
        var owners = shownIds.Count == 0
            ? new Dictionary<Guid, Guid>()
            : await db.Devices.AsNoTracking().Where(d => shownIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.UserId, CancellationToken.None);
        var ownerOf = plans.GroupBy(p => p.Device.Id).ToDictionary(g => g.Key, g => g.First().Device.UserId);
        await SaveDeliveriesAsync(
            shown.Values.Where(d => !gone.Contains(d.DeviceId) && owners.TryGetValue(d.DeviceId, out var owner) && owner == ownerOf[d.DeviceId]).ToList(), deliveries);
        await RemoveDevicesAsync(gone.ToList(), "push_service");
    }

    /// <summary>
    /// Records what each device was shown, in one save. If that fails (a device was removed meanwhile: sign-out, a token
    /// moved to another account, or another node wrote the same row), each row is written on its own, raising the
    /// sequences only, and a row whose device is gone is skipped: the others are never lost with it.
    /// </summary>
    private async Task SaveDeliveriesAsync(List<Delivery> shown, Dictionary<(Guid DeviceId, Guid RoomId), Delivery> known)
    {
        if (shown.Count == 0)
        {
            return;
        }

        foreach (var delivery in shown)
        {
            if (known.ContainsKey((delivery.DeviceId, delivery.RoomId)))
            {
                db.Deliveries.Update(delivery);
            }
            else
            {
                db.Deliveries.Add(delivery);
            }
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }
        catch (DbUpdateException ex)
        {
            LogDeliveriesOneByOne(ex.GetType().Name);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        foreach (var delivery in shown)
        {
            var (deviceId, roomId, sent, cleared, at) = (delivery.DeviceId, delivery.RoomId, delivery.SentSeq, delivery.ClearedSeq, delivery.UpdatedAt);
            var updated = await db.Deliveries.Where(d => d.DeviceId == deviceId && d.RoomId == roomId)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.SentSeq, d => d.SentSeq > sent ? d.SentSeq : sent)
                        .SetProperty(d => d.ClearedSeq, d => d.ClearedSeq > cleared ? d.ClearedSeq : cleared)
                        .SetProperty(d => d.UpdatedAt, at),
                    CancellationToken.None);
            if (updated > 0 || !await db.Devices.AnyAsync(d => d.Id == deviceId, CancellationToken.None))
            {
                continue;
            }

            db.Deliveries.Add(new Delivery { DeviceId = deviceId, RoomId = roomId, SentSeq = sent, ClearedSeq = cleared, UpdatedAt = at });
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                // Removed or written by someone else in between: nothing of ours to keep.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<List<Device>> WithoutEndedSessionsAsync(List<Device> devices, CancellationToken cancellationToken)
    {
        if (devices.Count == 0)
        {
            return devices;
        }

        var ended = await sessions.GetEndedAsync(devices.Select(d => d.SessionId).Distinct().ToList(), cancellationToken);
        if (ended.Count == 0)
        {
            return devices;
        }

        // Normally the SessionsEnded event removed them already; this also covers sessions that simply expired.
        await RemoveDevicesAsync(devices.Where(d => ended.Contains(d.SessionId)).Select(d => d.Id).ToList(), "session_ended");
        return devices.Where(d => !ended.Contains(d.SessionId)).ToList();
    }

    private async Task RemoveDevicesAsync(List<Guid> deviceIds, string reason)
    {
        if (deviceIds.Count == 0)
        {
            return;
        }

        await db.Deliveries.Where(d => deviceIds.Contains(d.DeviceId)).ExecuteDeleteAsync(CancellationToken.None);
        var removed = await db.Devices.Where(d => deviceIds.Contains(d.Id)).ExecuteDeleteAsync(CancellationToken.None);
        metrics.DevicesRemoved(removed, reason);
        LogDevicesRemoved(removed, reason);
    }

    /// <summary>
    /// Lets go of each item: deleted when done and unchanged since it was read; put back for later when a send must be
    /// retried (exponential back-off, at least the service's Retry-After) or the pass failed before recording; given up
    /// after the maximum age. An item that changed meanwhile (a new notice or a read) stays; if it was just alerted, the
    /// next alert waits the collapse delay again, so a busy room is one push per delay, not one per poll.
    /// </summary>
    private async Task ReleaseAsync(List<PushWork> work, PushPass pass)
    {
        var now = timeProvider.GetUtcNowForStorage();
        DateTime? leaseEnd = pass.LeaseEnd;
        foreach (var item in work)
        {
            var key = (item.UserId, item.RoomId);
            var mine = db.Pushes.Where(p => p.UserId == item.UserId && p.RoomId == item.RoomId && p.LockedUntil == leaseEnd);
            // Every update of a released item changes its version, so a handler that read it before (while leased) fails
            // its save and reads it again instead of overwriting the back-off.
            if (!pass.Recorded || pass.Retries.ContainsKey(key))
            {
                if (now - item.FirstNoticeAt <= _options.MaxAge)
                {
                    var attempts = item.Attempts + 1;
                    var backoff = TimeSpan.FromSeconds(Math.Min(_options.MaxRetryDelay.TotalSeconds, Math.Pow(2, Math.Min(attempts, 20))));
                    var dueAt = now + (pass.Retries.GetValueOrDefault(key) is { } after && after > backoff ? after : backoff);
                    await mine.ExecuteUpdateAsync(
                        s => s.SetProperty(p => p.Attempts, attempts).SetProperty(p => p.DueAt, dueAt).SetProperty(p => p.LockedUntil, (DateTime?)null)
                            .SetProperty(p => p.Version, p => p.Version + 1),
                        CancellationToken.None);
                    continue;
                }

                LogGivenUp(item.UserId, item.RoomId, item.Attempts);
            }
            else if (pass.Deferred.Contains(key))
            {
                // Not tried (the pass ran out of time): due again at once, no attempt counted.
                await mine.ExecuteUpdateAsync(
                    s => s.SetProperty(p => p.DueAt, now).SetProperty(p => p.LockedUntil, (DateTime?)null).SetProperty(p => p.Version, p => p.Version + 1),
                    CancellationToken.None);
                continue;
            }

            if (await mine.Where(p => p.Version == item.Version).ExecuteDeleteAsync(CancellationToken.None) > 0)
            {
                continue;
            }

            if (pass.Alerted.Contains(key))
            {
                var nextAlert = now + _options.Delay;
                await mine.ExecuteUpdateAsync(
                    s => s.SetProperty(p => p.DueAt, p => p.DueAt > nextAlert ? p.DueAt : nextAlert).SetProperty(p => p.FirstNoticeAt, now)
                        .SetProperty(p => p.Attempts, 0).SetProperty(p => p.LockedUntil, (DateTime?)null).SetProperty(p => p.Version, p => p.Version + 1),
                    CancellationToken.None);
            }
            else
            {
                await mine.ExecuteUpdateAsync(s => s.SetProperty(p => p.LockedUntil, (DateTime?)null).SetProperty(p => p.Version, p => p.Version + 1), CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push to a {Platform} device {DeviceId} failed; retrying later")]
    private partial void LogSendFailed(Exception exception, DevicePlatform platform, Guid deviceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Platform} refused a {Kind} push ({Reason}); dropped, the device is kept")]
    private partial void LogRejected(DevicePlatform platform, PushKind kind, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} asked to retry ({Reason}, Retry-After {RetryAfter})")]
    private partial void LogRetry(DevicePlatform platform, string? reason, TimeSpan? retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording a pass's deliveries together failed ({Error}); recording them one by one")]
    private partial void LogDeliveriesOneByOne(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} device(s): {Reason}")]
    private partial void LogDevicesRemoved(int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up pushing to user {UserId} about room {RoomId} after {Attempts} attempts (older than the maximum age)")]
    private partial void LogGivenUp(Guid userId, Guid roomId, int attempts);
}
