using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Deployment;

/// <summary>
/// Real nginx with the repository's rules (docker/nginx/) in front of two real instances sharing MariaDB and Redis:
/// what a client of the production shape sees.
/// </summary>
public sealed class NginxTests(NginxDeployment deployment) : IClassFixture<NginxDeployment>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Rest_and_SignalR_over_WebSockets_go_through_nginx_and_a_message_sent_through_one_instance_reaches_a_client_on_the_other()
    {
        using var http = deployment.Client();
        var ann = await Nodes.RegisterAndLoginAsync(http);
        var bob = await Nodes.RegisterAndLoginAsync(http);
        using var annHttp = deployment.Client(token: ann.Token);
        var opened = await annHttp.PutAsync($"/api/v1/chat/direct/{bob.Id}", null);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var room = (await opened.Content.ReadFromJsonAsync<RoomDto>())!;

        // Each connection goes where nginx sends it (the fewest connections first: one to each instance).
        await using var annHub = Nodes.Hub(deployment.Nginx.Address, ann.Token);
        var annOn = await StartAsync(annHub);
        await using var bobHub = Nodes.Hub(deployment.Nginx.Address, bob.Token);
        var arrived = new TaskCompletionSource<MessageDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        bobHub.On<MessageDto[]>("MessagesCreated", frame => arrived.TrySetResult(Assert.Single(frame)));
        var bobOn = await StartAsync(bobHub);
        Assert.NotSame(annOn, bobOn);

        // Sent on Ann's connection, so stored by her instance; delivered live to Bob on the other.
        var sent = await annHub.InvokeAsync<MessageDto>("SendMessage", room.Id, "through-nginx", "hello through nginx", null);
        Assert.Equal(sent, await arrived.Task.WaitAsync(Patience));

        using var bobHttp = deployment.Client(token: bob.Token);
        var history = (await bobHttp.GetFromJsonAsync<MessagePageDto>($"/api/v1/chat/rooms/{room.Id}/messages"))!;
        Assert.Equal(sent.Id, Assert.Single(history.Messages).Id);
    }

    [Fact]
    public async Task Json_answers_are_compressed_and_a_presence_query_for_200_people_fits_in_the_request_line()
    {
        using var http = deployment.Client();
        var ann = await Nodes.RegisterAndLoginAsync(http);
        using var client = deployment.Client(token: ann.Token);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var document = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal("gzip", Assert.Single(document.Content.Headers.ContentEncoding));
        await using (var unzipped = new GZipStream(await document.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        {
            using var json = await JsonDocument.ParseAsync(unzipped);
            Assert.True(json.RootElement.TryGetProperty("paths", out _));
        }

        // 200 ids (the route's limit) make a request line of about 9 KB, more than nginx's and Kestrel's default 8 KB.
        var query = string.Join('&', Enumerable.Range(0, 200).Select(_ => $"userIds={Guid.NewGuid()}"));
        using var presence = await client.GetAsync($"/api/v1/chat/presence?{query}");
        Assert.True(presence.StatusCode == HttpStatusCode.OK, $"{presence.StatusCode}: {string.Join('\n', deployment.Nginx.AccessLog.TakeLast(3))}");
        using var direct = Nodes.Authorized(new HttpClient { BaseAddress = deployment.A.Address }, ann.Token);
        using var presenceDirect = await direct.GetAsync($"/api/v1/chat/presence?{query}");
        Assert.Equal(HttpStatusCode.OK, presenceDirect.StatusCode);
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_with_413_by_nginx_and_never_reaches_an_instance()
    {
        using var http = deployment.Client();
        var ann = await Nodes.RegisterAndLoginAsync(http);
        using var client = deployment.Client(token: ann.Token);
        var before = await RequestsAsync();

        // A picture within the limit reaches an instance (its log shows the request) and is stored.
        using var stored = await client.PostAsync("/api/v1/media/images", Upload(TestImages.Solid(64, 64, SKColors.Red)));
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);

        // 10 MB + 64 KB is what the endpoint accepts; 11 MB is refused by nginx, in the API's error shape.
        using var tooLarge = await client.PostAsync("/api/v1/media/images", Upload(new byte[11 * 1024 * 1024]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("media.too_large", (await Problem.ReadAsync(tooLarge)).Code);

        // A JSON route accepts far less: 100 KB of room name is refused too; an anonymous route, less still.
        using var json = await client.PostAsJsonAsync("/api/v1/chat/rooms", new { name = new string('x', 100_000), memberIds = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, json.StatusCode);
        Assert.Equal("request.too_large", (await Problem.ReadAsync(json)).Code);
        using var login = await http.PostAsJsonAsync("/api/v1/accounts/login", new { email = "x@example.com", password = new string('p', 20_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, login.StatusCode);
        Assert.Equal("request.too_large", (await Problem.ReadAsync(login)).Code);

        // The instances received the one upload within the limit, and none of the refused requests.
        var after = await RequestsAsync();
        Assert.Equal(before.Uploads + 1, after.Uploads);
        Assert.Equal(before.Rooms, after.Rooms);
        Assert.Equal(before.Logins, after.Logins);
        Assert.Contains(deployment.Nginx.AccessLog, line => line.Contains("\"POST /api/v1/media/images\" 413", StringComparison.Ordinal) && line.Contains("upstream=- ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_hub_connection_that_a_draining_instance_refuses_with_503_is_passed_to_another_instance()
    {
        using var http = deployment.Client();
        var users = new List<(Guid Id, string Token)>();
        for (var i = 0; i < 3; i++)
        {
            users.Add(await Nodes.RegisterAndLoginAsync(http));
        }

        await using var draining = await DrainingInstanceStub.StartAsync();
        await using var nginx = await NginxProcess.StartAsync([draining.Address, deployment.B.Address!]);
        var hubs = new List<HubConnection>();
        try
        {
            // nginx offers each new connection to the instance with the fewest: the draining one gets asked at least
            // once, answers 503, and nginx passes the same request to B. The client only ever sees the connection.
            foreach (var user in users)
            {
                var hub = Nodes.Hub(nginx.Address, user.Token);
                hubs.Add(hub);
                await hub.StartAsync();
                Assert.Equal(HubConnectionState.Connected, hub.State);
            }

            Assert.True(draining.HubRequests >= 1, "the draining instance was never asked");
        }
        finally
        {
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }
        }

        // Logged when each connection ends: the upgrade refused by the draining instance, then switched (101) by B.
        await Eventually.Async(() => Task.FromResult(nginx.AccessLog.Any(line => line.Contains("\"GET /hubs/chat\" 101", StringComparison.Ordinal)
            && line.Contains("upstream_status=503, 101", StringComparison.Ordinal))), Patience, "nginx logs a 503 followed by a 101 for one connection: " + string.Join('\n', nginx.AccessLog));
    }

    [Fact]
    public async Task The_compose_configuration_is_valid_for_nginx()
    {
        var directory = Directory.CreateTempSubdirectory("chatapp-nginx-compose-");
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(directory.FullName, "chatapp"), NginxProcess.RulesDirectory);
            // Only what needs the compose network or root changes: the instances' names and where nginx writes.
            var compose = (await File.ReadAllTextAsync(Path.Combine(NginxProcess.RulesDirectory, "nginx.conf")))
                .Replace("server app1:8080;", "server 127.0.0.1:8081;", StringComparison.Ordinal)
                .Replace("server app2:8080;", "server 127.0.0.1:8082;", StringComparison.Ordinal)
                .Replace("/var/log/nginx/", directory.FullName + "/", StringComparison.Ordinal)
                .Replace("/var/run/nginx.pid", directory.FullName + "/nginx.pid", StringComparison.Ordinal);
            var configuration = Path.Combine(directory.FullName, "nginx.conf");
            await File.WriteAllTextAsync(configuration, compose);

            var check = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-t", "-p", directory.FullName, "-c", configuration, "-e", Path.Combine(directory.FullName, "error.log") })
            {
                check.ArgumentList.Add(argument);
            }

            using var nginx = Process.Start(check)!;
            var output = await nginx.StandardError.ReadToEndAsync();
            await nginx.WaitForExitAsync();
            Assert.True(nginx.ExitCode == 0, output);
            Assert.Contains("test is successful", output, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The uploads, room creations and sign-ins both instances have received so far. Each instance first logs a marker
    /// request sent to it directly, so every request that reached it before is in its log.
    /// </summary>
    private async Task<(int Uploads, int Rooms, int Logins)> RequestsAsync()
    {
        var marker = $"/marker-{Guid.NewGuid():N}";
        foreach (var instance in new[] { deployment.A, deployment.B })
        {
            using var direct = new HttpClient { BaseAddress = instance.Address };
            using var _ = await direct.GetAsync(marker);
            await Eventually.Async(() => Task.FromResult(NginxDeployment.Requests(instance, "GET", marker) == 1), Patience, "the instance logs the marker");
        }

        int Count(string method, string path) => NginxDeployment.Requests(deployment.A, method, path) + NginxDeployment.Requests(deployment.B, method, path);
        return (Count("POST", "/api/v1/media/images"), Count("POST", "/api/v1/chat/rooms"), Count("POST", "/api/v1/accounts/login"));
    }

    /// <summary>Starts the connection and returns the instance that took it (the one whose log shows one more hub request).</summary>
    private async Task<HostProcess> StartAsync(HubConnection hub)
    {
        var (a, b) = (NginxDeployment.Requests(deployment.A, "GET", "/hubs/chat"), NginxDeployment.Requests(deployment.B, "GET", "/hubs/chat"));
        await hub.StartAsync();
        HostProcess? took = null;
        await Eventually.Async(() =>
        {
            var (nowA, nowB) = (NginxDeployment.Requests(deployment.A, "GET", "/hubs/chat"), NginxDeployment.Requests(deployment.B, "GET", "/hubs/chat"));
            took = nowA > a ? deployment.A : nowB > b ? deployment.B : null;
            return Task.FromResult(took is not null);
        }, Patience, "an instance logs the hub connection");
        return took!;
    }

    private static MultipartFormDataContent Upload(byte[] file)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(part, "file", "photo.jpg");
        form.Add(new StringContent("chat"), "purpose");
        return form;
    }
}
