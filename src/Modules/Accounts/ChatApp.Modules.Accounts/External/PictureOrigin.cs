using System.Globalization;

namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// One origin provider pictures may be fetched from, as configuration writes it: <c>scheme://host[:port]</c>, where the
/// host may start with <c>*.</c> to mean any subdomain (not the bare domain). Paths are not part of it.
/// </summary>
internal sealed record PictureOrigin(string Scheme, string Host, bool AnySubdomain, int Port)
{
    public static bool TryParse(string? text, out PictureOrigin origin)
    {
        origin = null!;
        var separator = text?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        if (text is null || separator <= 0)
        {
            return false;
        }

        var scheme = text[..separator].ToLowerInvariant();
        if (scheme is not ("https" or "http"))
        {
            return false;
        }

        var authority = text[(separator + 3)..].TrimEnd('/');
        var anySubdomain = authority.StartsWith("*.", StringComparison.Ordinal);
        if (anySubdomain)
        {
            authority = authority[2..];
        }

        // The rest must be a plain host with an optional port: what Uri makes of it, nothing more; a wildcard needs a
        // domain of at least two labels under it (*.fbcdn.net, never *.com).
        if (authority.Length == 0 || authority.IndexOfAny(['/', '@', '*', '?', '#', '\\']) >= 0
            || (anySubdomain && !authority.Split(':')[0].Trim('.').Contains('.'))
            || !Uri.TryCreate($"{scheme}://{authority}/", UriKind.Absolute, out var uri) || uri.Authority.Length == 0)
        {
            return false;
        }

        origin = new PictureOrigin(scheme, uri.IdnHost.ToLowerInvariant(), anySubdomain, uri.Port);
        return true;
    }

    public bool Matches(Uri url) =>
        url.IsAbsoluteUri
        && string.Equals(url.Scheme, Scheme, StringComparison.OrdinalIgnoreCase)
        && url.Port == Port
        && string.IsNullOrEmpty(url.UserInfo)
        && (AnySubdomain
            ? url.IdnHost.EndsWith("." + Host, StringComparison.OrdinalIgnoreCase)
            : string.Equals(url.IdnHost, Host, StringComparison.OrdinalIgnoreCase));

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Scheme}://{(AnySubdomain ? "*." : string.Empty)}{Host}:{Port}");
}
