using System.Globalization;
using System.Net.Http.Headers;
using ChatApp.Client.Http;

namespace ChatApp.Client.Media;

/// <summary>Image uploads (docs/api.md "Media").</summary>
public sealed class MediaApi
{
    private readonly ApiConnection _api;

    internal MediaApi(ApiConnection api) => _api = api;

    /// <summary>Uploads a JPEG, PNG or WebP image for <paramref name="purpose"/> <c>avatar</c> or <c>chat</c>, optionally cropped.</summary>
    public Task<MediaImage> UploadImageAsync(byte[] image, string fileName, string purpose, Crop? crop = null, CancellationToken cancellationToken = default) =>
        _api.ReadAsync<MediaImage>(() =>
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(image);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", fileName);
            form.Add(new StringContent(purpose), "purpose");
            if (crop is not null)
            {
                form.Add(new StringContent(crop.X.ToString(CultureInfo.InvariantCulture)), "cropX");
                form.Add(new StringContent(crop.Y.ToString(CultureInfo.InvariantCulture)), "cropY");
                form.Add(new StringContent(crop.Width.ToString(CultureInfo.InvariantCulture)), "cropWidth");
                form.Add(new StringContent(crop.Height.ToString(CultureInfo.InvariantCulture)), "cropHeight");
            }
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/media/images") { Content = form };
        }, authenticated: true, cancellationToken);

    /// <summary>My own upload, with fresh URLs.</summary>
    public Task<MediaImage> GetImageAsync(Guid mediaId, CancellationToken cancellationToken = default) =>
        _api.GetAsync<MediaImage>($"/api/v1/media/images/{mediaId}", cancellationToken);
}
