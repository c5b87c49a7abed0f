using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.MessageEvidenceLookup;

/// <summary>Answers <see cref="IMessageEvidence"/> from Chat's tables.</summary>
internal sealed class MessageEvidenceLookup(ChatDbContext db) : IMessageEvidence
{
    public async Task<MessageEvidence?> FindForReporterAsync(Guid reporterId, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        return message is not null && await db.IsMemberAsync(message.RoomId, reporterId, cancellationToken) ? From(message) : null;
    }

    public async Task<IReadOnlyList<MessageEvidence>> AroundAsync(Guid roomId, long seq, int count, CancellationToken cancellationToken)
    {
        var before = await db.Messages.AsNoTracking()
            .Where(m => m.RoomId == roomId && m.Seq < seq)
            .OrderByDescending(m => m.Seq)
            .Take(count)
            .ToListAsync(cancellationToken);
        var rest = await db.Messages.AsNoTracking()
            .Where(m => m.RoomId == roomId && m.Seq >= seq)
            .OrderBy(m => m.Seq)
            .Take(count + 1)
            .ToListAsync(cancellationToken);
        return before.AsEnumerable().Reverse().Concat(rest).Select(From).ToList();
    }

    private static MessageEvidence From(Message m) =>
        new(m.Id, m.RoomId, m.Seq, m.SenderId, m.Text, m.AttachmentIds, m.CreatedAt, m.EditedAt, m.DeletedAt);
}
