using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Auth;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Accounts.Deletion;

/// <summary>Two real nodes on one database and Redis, objects on the S3 server: what a deletion on one does on the other and in the bucket.</summary>
public sealed class DeletionAcrossNodesTests
{
    [Fact]
    public async Task A_deleted_accounts_token_fails_on_the_other_node_at_once_and_its_pictures_leave_the_bucket()
    {
        var database = await Nodes.CreateDatabaseAsync("deletion");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        try
        {
            await using var nodeA = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: true));
            await using var nodeB = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: false));
            using var anonymousA = new HttpClient { BaseAddress = nodeA.Address };
            var (_, token) = await Nodes.RegisterAndLoginAsync(anonymousA);
            using var a = Nodes.Authorized(new HttpClient { BaseAddress = nodeA.Address }, token);
            using var b = Nodes.Authorized(new HttpClient { BaseAddress = nodeB.Address }, token);

            // An avatar (public objects) and a chat picture (private objects, signed URLs) in the S3 bucket.
            var avatar = await UploadAsync(a, "avatar");
            using (var set = await a.PutAsJsonAsync("/api/v1/accounts/me/avatar", new { mediaId = avatar.GetProperty("id").GetGuid() }))
            {
                Assert.True(set.IsSuccessStatusCode, $"avatar: {set.StatusCode}");
            }

            var picture = await UploadAsync(a, "chat");
            var objectUrls = new[] { avatar, picture }
                .SelectMany(image => image.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("url").GetString()!)).ToList();
            using var bucket = new HttpClient();
            foreach (var url in objectUrls)
            {
                Assert.Equal(HttpStatusCode.OK, (await bucket.GetAsync(url)).StatusCode);
            }

            // Node B has just checked the session and caches "active" for SessionValidator.CacheDuration.
            Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/api/v1/accounts/me")).StatusCode);
            var cached = Stopwatch.StartNew();

            using (var deleted = await a.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/accounts/me") { Content = JsonContent.Create(new { password = AccountsApi.Password }) }))
            {
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            }

            Assert.Equal(HttpStatusCode.Unauthorized, (await a.GetAsync("/api/v1/accounts/me")).StatusCode);
            await Eventually.Async(
                async () => (await b.GetAsync("/api/v1/accounts/me")).StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(30), "node B refuses the token");
            Assert.True(cached.Elapsed < SessionValidator.CacheDuration * 2 / 3, $"node B refused only after {cached.Elapsed}: that is its cache expiring, not the broadcast");

            // Media erased the objects now, not at its next 15-minute clean-up.
            foreach (var url in objectUrls)
            {
                await Eventually.Async(async () => (await bucket.GetAsync(url)).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, TimeSpan.FromSeconds(30), "object deleted: " + url);
            }
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }

    private static async Task<JsonElement> UploadAsync(HttpClient node, string purpose)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestImages.Solid(300, 300, SKColors.Teal));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "photo.jpg");
        form.Add(new StringContent(purpose), "purpose");
        using var response = await node.PostAsync("/api/v1/media/images", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
