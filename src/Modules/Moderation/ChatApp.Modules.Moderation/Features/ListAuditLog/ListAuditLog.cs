using ChatApp.Modules.Accounts.Contracts;

namespace ChatApp.Modules.Moderation.Features.ListAuditLog;

internal sealed record ListAuditLogQuery : IQuery<AuditLogPage>;

internal sealed record AuditLogPage(IReadOnlyList<AuditEntry> Entries, IReadOnlyDictionary<Guid, string> Names);

/// <summary>The latest <see cref="Limit"/> moderators' actions, newest first, with the admins' and people's names.</summary>
internal sealed class ListAuditLogHandler(ModerationDbContext db, IUserDirectory users) : IQueryHandler<ListAuditLogQuery, AuditLogPage>
{
    public const int Limit = 200;

    public async ValueTask<AuditLogPage> Handle(ListAuditLogQuery query, CancellationToken cancellationToken)
    {
        var entries = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(Limit).ToListAsync(cancellationToken);
        var ids = entries.Select(a => a.AdminId).Concat(entries.Where(a => a.TargetUserId != null).Select(a => a.TargetUserId!.Value)).Distinct().ToList();
        var names = (await users.GetUsersAsync(ids, cancellationToken)).ToDictionary(kv => kv.Key, kv => kv.Value.DisplayName);
        return new AuditLogPage(entries, names);
    }
}
