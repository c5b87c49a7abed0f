using ChatApp.Client.Http;

namespace ChatApp.Client.Moderation;

/// <summary>Reporting to the moderators and reading what they told me (docs/api.md "Moderation").</summary>
public sealed class ModerationApi
{
    private readonly ApiConnection _api;

    internal ModerationApi(ApiConnection api) => _api = api;

    /// <summary>
    /// Reports a <c>message</c>, <c>user</c> or <c>room</c> (<paramref name="targetType"/>) for <paramref name="reason"/>
    /// (<c>spam</c>, <c>harassment</c>, <c>sexual</c>, <c>violence</c>, <c>self_harm</c>, <c>other</c>); one open report per target.
    /// </summary>
    public Task<Report> ReportAsync(string targetType, Guid targetId, string reason, string? note = null, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Report>(HttpMethod.Post, "/api/v1/reports", new { targetType, targetId, reason, note }, authenticated: true, cancellationToken);

    public Task<IReadOnlyList<Report>> MyReportsAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<Report>>("/api/v1/reports/mine", cancellationToken);

    /// <summary>My notices, newest first; pass the previous page's <c>NextCursor</c> for the next.</summary>
    public Task<NoticesPage> NoticesAsync(string? cursor = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<NoticesPage>("/api/v1/moderation/notices" + (cursor is null ? "" : "?cursor=" + Uri.EscapeDataString(cursor)), cancellationToken);
}
