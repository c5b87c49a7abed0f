using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Chat.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace ChatApp.IntegrationTests.Chat.Groups;

public sealed class InviteTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task An_admin_makes_a_link_anyone_can_preview_and_each_join_counts_one_use()
    {
        var owner = await Api.NewUserAsync("Owner");
        var ann = await Api.NewUserAsync("Ann");
        var carl = await Api.NewUserAsync("Carl");
        var dave = await Api.NewUserAsync("Dave");
        var eve = await Api.NewUserAsync("Eve");
        var room = await Chat.CreateGroupAsync(owner, "판교역 모임", ann.Id);
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);

        using var memberCreates = await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/invites", new { maxUses = 2 });
        using var memberLists = await Api.As(ann).GetAsync($"/api/v1/chat/rooms/{room.Id}/invites");
        using var outsiderCreates = await Api.As(carl).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/invites", new { maxUses = 2 });
        var invite = await CreateAsync(owner, room.Id, new { maxUses = 2, expiresInSeconds = 3600 });

        Assert.Equal("chat.not_room_admin", (await Problem.ReadAsync(memberCreates)).Code);
        Assert.Equal("chat.not_room_admin", (await Problem.ReadAsync(memberLists)).Code);
        Assert.Equal("chat.room_not_found", (await Problem.ReadAsync(outsiderCreates)).Code);
        var code = invite.GetProperty("code").GetString()!;
        Assert.Matches("^[A-Za-z0-9_-]{22}$", code); // 128 random bits, base64url
        Assert.Equal("https://invite.test/i/" + code, invite.GetProperty("url").GetString());
        Assert.Equal(("group", 2, 0, "active"), (invite.GetProperty("kind").GetString(), invite.GetProperty("maxUses").GetInt32(), invite.GetProperty("uses").GetInt32(), invite.GetProperty("status").GetString()));

        var preview = await Api.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/chat/invites/{code}");
        Assert.Equal("group", preview.GetProperty("kind").GetString());
        Assert.Equal(("판교역 모임", 2), (preview.GetProperty("room").GetProperty("name").GetString(), preview.GetProperty("room").GetProperty("memberCount").GetInt32()));
        Assert.False(preview.GetProperty("room").TryGetProperty("members", out _));
        Assert.DoesNotContain(ann.Id.ToString(), preview.GetRawText(), StringComparison.OrdinalIgnoreCase);

        using var carlJoins = await JoinAsync(carl, code);
        Assert.Equal(HttpStatusCode.OK, carlJoins.StatusCode);
        var joined = await annsPhone.NextAsync("MembershipChanged");
        Assert.Equal(("member.joined", carl.Id), (joined.GetProperty("kind").GetString(), joined.GetProperty("userId").GetGuid()));
        using var carlAgain = await JoinAsync(carl, code);
        using var memberUses = await JoinAsync(ann, code);
        Assert.Equal(HttpStatusCode.OK, carlAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, memberUses.StatusCode);
        Assert.Equal(1, (await ListAsync(owner, room.Id)).Single().GetProperty("uses").GetInt32());

        using var daveJoins = await JoinAsync(dave, code);
        using var eveJoins = await JoinAsync(eve, code);

        Assert.Equal(HttpStatusCode.OK, daveJoins.StatusCode);
        Assert.Equal("chat.invite_used_up", (await Problem.ReadAsync(eveJoins)).Code);
        var listed = (await ListAsync(owner, room.Id)).Single();
        Assert.Equal((2, "used_up"), (listed.GetProperty("uses").GetInt32(), listed.GetProperty("status").GetString()));
        var members = (await Api.As(carl).GetFromJsonAsync<JsonElement>($"/api/v1/chat/rooms/{room.Id}")).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("userId").GetGuid());
        Assert.Equal(new[] { owner.Id, ann.Id, carl.Id, dave.Id }.Order(), members.Order());
    }

    [Fact]
    public async Task Expired_revoked_unknown_and_malformed_links_are_refused_with_their_codes()
    {
        var owner = await Api.NewUserAsync();
        var ann = await Api.NewUserAsync();
        var carl = await Api.NewUserAsync();
        var room = await Chat.CreateGroupAsync(owner, "team", ann.Id);
        (await Api.As(owner).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members/{ann.Id}/role", new { role = "admin" })).Dispose();
        var expiring = (await CreateAsync(owner, room.Id, new { expiresInSeconds = 60 })).GetProperty("code").GetString()!;
        var revoked = (await CreateAsync(ann, room.Id, new { })).GetProperty("code").GetString()!;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ChatDbContext>().Invites.Where(i => i.Code == expiring)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddSeconds(-1)));
        }

        using var outsiderRevokes = await Api.As(carl).DeleteAsync($"/api/v1/chat/invites/{revoked}");
        using var revoke = await Api.As(owner).DeleteAsync($"/api/v1/chat/invites/{revoked}");
        using var revokeAgain = await Api.As(ann).DeleteAsync($"/api/v1/chat/invites/{revoked}");

        Assert.Equal("chat.invite_not_found", (await Problem.ReadAsync(outsiderRevokes)).Code);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revokeAgain.StatusCode);
        Assert.Equal("chat.invite_expired", (await Problem.ReadAsync(await JoinAsync(carl, expiring))).Code);
        Assert.Equal("chat.invite_expired", (await Problem.ReadAsync(await Api.Anonymous().GetAsync($"/api/v1/chat/invites/{expiring}"))).Code);
        Assert.Equal("chat.invite_revoked", (await Problem.ReadAsync(await JoinAsync(carl, revoked))).Code);
        Assert.Equal("chat.invite_revoked", (await Problem.ReadAsync(await Api.Anonymous().GetAsync($"/api/v1/chat/invites/{revoked}/qr.png"))).Code);
        Assert.Equal("chat.invite_not_found", (await Problem.ReadAsync(await JoinAsync(carl, "AAAAAAAAAAAAAAAAAAAAAA"))).Code);
        Assert.Equal("chat.invite_not_found", (await Problem.ReadAsync(await Api.Anonymous().GetAsync("/api/v1/chat/invites/not%20a%20code!"))).Code);
        Assert.Equal(
            [("expired", 0), ("revoked", 0)],
            (await ListAsync(owner, room.Id)).Select(i => (i.GetProperty("status").GetString(), i.GetProperty("uses").GetInt32())).OrderBy(s => s.Item1));
        Assert.Equal(2, (await Chat.RoomsAsync(owner)).Single().MemberCount);

        using var zeroUses = await Api.As(owner).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/invites", new { maxUses = 0 });
        using var tooShort = await Api.As(owner).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/invites", new { expiresInSeconds = 10 });
        Assert.Equal(["maxUses"], (await Problem.ReadAsync(zeroUses)).Errors.Keys);
        Assert.Equal(["expiresInSeconds"], (await Problem.ReadAsync(tooShort)).Errors.Keys);
    }

    [Fact]
    public async Task Codes_are_case_sensitive_although_the_database_compares_text_without_case()
    {
        var owner = await Api.NewUserAsync();
        var carl = await Api.NewUserAsync();
        var room = await Chat.CreateGroupAsync(owner, "team");
        string code;
        do
        {
            code = (await CreateAsync(owner, room.Id, new { })).GetProperty("code").GetString()!;
        }
        while (!code.Any(char.IsAsciiLetter));

        var otherCase = new string(code.Select(c => char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());

        Assert.Equal("chat.invite_not_found", (await Problem.ReadAsync(await Api.Anonymous().GetAsync($"/api/v1/chat/invites/{otherCase}"))).Code);
        Assert.Equal("chat.invite_not_found", (await Problem.ReadAsync(await JoinAsync(carl, otherCase))).Code);
        Assert.Equal("chat.invite_not_found", (await Problem.ReadAsync(await Api.As(owner).DeleteAsync($"/api/v1/chat/invites/{otherCase}"))).Code);
        using var joins = await JoinAsync(carl, code);
        Assert.Equal(HttpStatusCode.OK, joins.StatusCode);
        Assert.Equal("active", (await ListAsync(owner, room.Id)).Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Parallel_joins_on_a_link_with_max_uses_k_admit_exactly_k()
    {
        const int people = 12;
        const int maxUses = 5;
        var owner = await Api.NewUserAsync();
        var room = await Chat.CreateGroupAsync(owner, "rush");
        var code = (await CreateAsync(owner, room.Id, new { maxUses })).GetProperty("code").GetString()!;
        var joiners = await Task.WhenAll(Enumerable.Range(0, people).Select(i => Api.NewUserAsync($"Joiner {i}")));

        var responses = await Task.WhenAll(joiners.Select(j => JoinAsync(j, code)));

        Assert.Equal(maxUses, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            Assert.Equal("chat.invite_used_up", (await Problem.ReadAsync(refused)).Code);
        }

        Assert.Equal(1 + maxUses, (await Chat.RoomsAsync(owner)).Single().MemberCount);
        Assert.Equal(maxUses, (await ListAsync(owner, room.Id)).Single().GetProperty("uses").GetInt32());
    }

    [Fact]
    public async Task A_personal_link_opens_a_direct_chat_with_its_maker_but_not_for_people_the_maker_blocked()
    {
        var minjun = await Api.NewUserAsync("김민준");
        var bob = await Api.NewUserAsync("Bob");
        var blocked = await Api.NewUserAsync("Mallory");
        using var created = await Api.As(minjun).PostAsJsonAsync("/api/v1/chat/invites/personal", new { maxUses = 10 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(minjun).PutAsync($"/api/v1/chat/blocks/{blocked.Id}", null)).StatusCode);

        var preview = await Api.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/chat/invites/{code}");
        Assert.Equal(("personal", minjun.Id, "김민준"), (preview.GetProperty("kind").GetString(), preview.GetProperty("person").GetProperty("userId").GetGuid(), preview.GetProperty("person").GetProperty("displayName").GetString()));

        using var bobJoins = await JoinAsync(bob, code);
        using var bobAgain = await JoinAsync(bob, code);
        using var ownLink = await JoinAsync(minjun, code);
        using var blockedJoins = await JoinAsync(blocked, code);

        Assert.Equal(HttpStatusCode.OK, bobJoins.StatusCode);
        var room = await bobJoins.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("direct", minjun.Id, "김민준"), (room.GetProperty("kind").GetString(), room.GetProperty("directUserId").GetGuid(), room.GetProperty("name").GetString()));
        Assert.Equal(room.GetProperty("id").GetGuid(), (await bobAgain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal("chat.own_invite", (await Problem.ReadAsync(ownLink)).Code);
        Assert.Equal("chat.blocked", (await Problem.ReadAsync(blockedJoins)).Code);
        var mine = await Api.As(minjun).GetFromJsonAsync<JsonElement>("/api/v1/chat/invites/personal");
        Assert.Equal((code, 1), (mine[0].GetProperty("code").GetString(), mine[0].GetProperty("uses").GetInt32()));
        Assert.Single(await Chat.RoomsAsync(minjun));
    }

    [Fact]
    public async Task The_QR_codes_encode_the_public_link()
    {
        var owner = await Api.NewUserAsync();
        var room = await Chat.CreateGroupAsync(owner, "qr");
        var invite = await CreateAsync(owner, room.Id, new { });
        var code = invite.GetProperty("code").GetString()!;
        var url = invite.GetProperty("url").GetString()!;

        using var png = await Api.Anonymous().GetAsync($"/api/v1/chat/invites/{code}/qr.png");
        using var svg = await Api.Anonymous().GetAsync($"/api/v1/chat/invites/{code}/qr.svg");

        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await png.Content.ReadAsByteArrayAsync());
        Assert.Equal(bitmap.Width, bitmap.Height);
        Assert.Equal(0, bitmap.Width % 10); // 10 pixels per module
        Assert.Equal(url, Decode(bitmap));

        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await svg.Content.ReadAsStringAsync());
        var root = document.Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Equal((bitmap.Width.ToString(), bitmap.Height.ToString()), (root.Attribute("width")?.Value, root.Attribute("height")?.Value));
        var modules = bitmap.Width / 10;
        Assert.Equal($"0 0 {modules} {modules}", root.Attribute("viewBox")?.Value);
        using var rendered = Render(root, modules);
        Assert.Equal(url, Decode(rendered));
    }

    /// <summary>Draws the SVG's dark modules (its paths, in module units) 10 pixels each on white, as a reader's camera would see them.</summary>
    private static SKBitmap Render(XElement svg, int modules)
    {
        var bitmap = new SKBitmap(modules * 10, modules * 10);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        canvas.Scale(10);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        foreach (var path in svg.Descendants().Where(e => e.Name.LocalName == "path"))
        {
            using var shape = SKPath.ParseSvgPathData(path.Attribute("d")!.Value);
            canvas.DrawPath(shape, paint);
        }

        return bitmap;
    }

    private static string? Decode(SKBitmap bitmap)
    {
        using var rgba = bitmap.Copy(SKColorType.Bgra8888);
        var source = new RGBLuminanceSource(rgba.Bytes, rgba.Width, rgba.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)))?.Text;
    }

    private async Task<JsonElement> CreateAsync(TestUser actor, Guid roomId, object body)
    {
        using var response = await Api.As(actor).PostAsJsonAsync($"/api/v1/chat/rooms/{roomId}/invites", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<JsonElement>> ListAsync(TestUser actor, Guid roomId) =>
        (await Api.As(actor).GetFromJsonAsync<JsonElement>($"/api/v1/chat/rooms/{roomId}/invites")).EnumerateArray().ToList();

    private Task<HttpResponseMessage> JoinAsync(TestUser user, string code) => Api.As(user).PostAsync($"/api/v1/chat/invites/{code}/join", null);
}
