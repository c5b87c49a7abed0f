namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// What fetching a provider picture gave: its bytes, or why not (<see cref="Transient"/>: a timeout, an unreachable
/// host, HTTP 429 or 5xx, worth another try later).
/// </summary>
internal sealed record PictureFetch(byte[]? Content, string? Failure, bool Transient)
{
    public static PictureFetch Fetched(byte[] content) => new(content, null, Transient: false);

    public static PictureFetch Refused(string why) => new(null, why, Transient: false);

    public static PictureFetch Unavailable(string why) => new(null, why, Transient: true);
}
