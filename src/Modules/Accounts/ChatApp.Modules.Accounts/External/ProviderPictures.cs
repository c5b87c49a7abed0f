using System.Net;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// Fetches a provider's profile picture, only from that provider's picture origins
/// (<see cref="ExternalSignInOptions.PictureOriginsOf"/>): a URL elsewhere is never requested, redirects are followed by
/// hand (at most <see cref="MaxRedirects"/>) and only to allowed origins, the whole fetch is bounded by
/// <see cref="ExternalSignInOptions.PictureTimeout"/> and the body by <see cref="ExternalSignInOptions.PictureMaxBytes"/>
/// (counted as it arrives, whatever Content-Length says).
/// </summary>
internal sealed class ProviderPictures(IHttpClientFactory clients, IOptions<ExternalSignInOptions> options)
{
    public const string HttpClientName = "accounts-provider-pictures";
    public const int MaxRedirects = 3;

    private readonly ExternalSignInOptions _options = options.Value;

    public bool IsAllowed(string provider, Uri url) =>
        _options.PictureOriginsOf(provider).Any(text => PictureOrigin.TryParse(text, out var origin) && origin.Matches(url));

    public async Task<PictureFetch> FetchAsync(string provider, Uri url, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.PictureTimeout);
        var client = clients.CreateClient(HttpClientName);
        var current = url;
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (!IsAllowed(provider, current))
                {
                    return PictureFetch.Refused($"{current.Scheme}://{current.Authority} is not a picture origin of {provider}");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd("image/*");
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (redirects == MaxRedirects)
                    {
                        return PictureFetch.Refused($"more than {MaxRedirects} redirects");
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
                {
                    return PictureFetch.Unavailable($"HTTP {status}");
                }

                if (!response.IsSuccessStatusCode)
                {
                    return PictureFetch.Refused($"HTTP {status}");
                }

                return await ReadCappedAsync(response.Content, deadline.Token);
            }
        }
        catch (HttpRequestException ex) when (ex.InnerException is PictureAddressRefusedException refused)
        {
            return PictureFetch.Refused(refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return PictureFetch.Unavailable(ex.HttpRequestError.ToString());
        }
        catch (IOException ex)
        {
            // The connection dropped while the body was arriving (HttpIOException).
            return PictureFetch.Unavailable(ex.GetType().Name);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PictureFetch.Unavailable($"no answer within {_options.PictureTimeout}");
        }
    }

    private async Task<PictureFetch> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var limit = _options.PictureMaxBytes;
        if (content.Headers.ContentLength > limit)
        {
            return PictureFetch.Refused($"{content.Headers.ContentLength} bytes, more than {limit}");
        }

        await using var body = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return PictureFetch.Refused($"more than {limit} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0 ? PictureFetch.Refused("an empty body") : PictureFetch.Fetched(buffer.ToArray());
    }
}
