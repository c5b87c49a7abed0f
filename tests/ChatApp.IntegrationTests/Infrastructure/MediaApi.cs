using System.Globalization;
using System.Net.Http.Headers;
using ChatApp.Client.Media;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>Test helpers on the client's upload answer.</summary>
public static class UploadedImages
{
    public static UploadedVariant Variant(this UploadedImage image, string name) => image.Variants.Single(v => v.Name == name);
}

/// <summary>Calls the Media API the way the mobile app does (multipart uploads) and fetches variant URLs.</summary>
public sealed class MediaApi(AccountsApi api, ChatAppFactory factory)
{
    public async Task<HttpResponseMessage> PostImageAsync(
        TestUser user, byte[] file, string purpose, (int X, int Y, int Width, int Height)? crop = null, string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", fileName);
        form.Add(new StringContent(purpose), "purpose");
        if (crop is { } c)
        {
            form.Add(new StringContent(c.X.ToString(CultureInfo.InvariantCulture)), "cropX");
            form.Add(new StringContent(c.Y.ToString(CultureInfo.InvariantCulture)), "cropY");
            form.Add(new StringContent(c.Width.ToString(CultureInfo.InvariantCulture)), "cropWidth");
            form.Add(new StringContent(c.Height.ToString(CultureInfo.InvariantCulture)), "cropHeight");
        }

        return await api.As(user).PostAsync("/api/v1/media/images", form);
    }

    /// <summary>Uploads through the typed client (strict about the answer's shape).</summary>
    public Task<UploadedImage> UploadAsync(TestUser user, byte[] file, string purpose, (int X, int Y, int Width, int Height)? crop = null) =>
        api.Client(user).Media.UploadImageAsync(file, "photo.jpg", purpose, crop is { } c ? new Crop(c.X, c.Y, c.Width, c.Height) : null);

    /// <summary>GETs a variant URL: relative ones from the test host, absolute ones (S3) over the network, without credentials.</summary>
    public async Task<HttpResponseMessage> FetchAsync(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal) && absolute.Host != "localhost")
        {
            using var client = new HttpClient();
            var response = await client.GetAsync(absolute);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }

        return await factory.CreateClient().GetAsync(url);
    }

    public async Task<byte[]> FetchBytesAsync(string url)
    {
        using var response = await FetchAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }
}
