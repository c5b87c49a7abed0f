using System.Net;
using System.Net.Http.Json;
using ChatApp.BuildingBlocks.Events;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Accounts.Domain;
using ChatApp.Modules.Accounts.Persistence;
using ChatApp.Modules.Chat.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Accounts.Deletion;

public sealed partial class AccountDeletionTests(DeletionFactory factory) : IntegrationTest<DeletionFactory>(factory)
{
    private const string Me = "/api/v1/accounts/me";
    private const string AdminAccounts = "/api/v1/admin/accounts";

    [Fact]
    public async Task A_wrong_or_missing_password_is_a_400_with_a_code_and_deletes_nothing()
    {
        var user = await Api.NewUserAsync("Wendy");
        var viewer = await Api.NewUserAsync();

        var wrong = await Problem.ReadAsync(await DeleteMeAsync(user.Tokens.AccessToken, new { password = "Not-The-Passw0rd" }));
        var missing = await Problem.ReadAsync(await DeleteMeAsync(user.Tokens.AccessToken, new { }));

        Assert.Equal((400, "accounts.incorrect_password"), (wrong.Status, wrong.Code));
        Assert.Equal(["password"], wrong.Errors.Keys);
        Assert.Equal((400, "accounts.password_required"), (missing.Status, missing.Code));
        Assert.Equal(HttpStatusCode.OK, (await Api.As(user).GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(viewer).GetAsync($"/api/v1/users/{user.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostRefreshAsync(user.Tokens.RefreshToken)).StatusCode);
        Assert.Equal(0, await DeletedEventsAsync(user.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Anonymous().SendAsync(DeleteRequest(Me, new { password = user.Password }))).StatusCode);
    }

    [Fact]
    public async Task Deleting_twice_is_safe_and_the_handlers_may_run_again_without_changing_anything()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await Chat.SendAsync(ann, room.Id, "first words");
        var otherDevice = await Api.LoginAsync(ann.Email, deviceName: "tablet");

        using (var first = await DeleteMeAsync(ann.Tokens.AccessToken, new { password = ann.Password }))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        // The second attempt, from either device, is refused as signed out: both sessions ended with the account.
        Assert.Equal(HttpStatusCode.Unauthorized, (await DeleteMeAsync(ann.Tokens.AccessToken, new { password = ann.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DeleteMeAsync(otherDevice.AccessToken, new { password = ann.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(otherDevice.RefreshToken)).StatusCode);
        Assert.Equal(1, await DeletedEventsAsync(ann.Id));
        await Eventually.Async(async () => await AnnsTombstonesAsync(ann.Id) == 1 && !await IsMemberAsync(room.Id, ann.Id), because: "Chat erased Ann");
        // Replay only once the deletion's own events are delivered: Accounts' forgetting handler rightly refuses (and
        // would be retried) while a message naming Ann is still being delivered.
        await Eventually.Async(async () => await UndeliveredMentionsAsync(ann.Id) == 0, because: "the deletion's events were delivered to every module");
        var lastSeq = await LastSeqAsync(room.Id);

        // The outbox delivers at least once: every module's handler, run again, changes nothing (no new room events).
        using (var scope = Factory.Services.CreateScope())
        {
            var again = new AccountDeletedIntegrationEvent(Guid.NewGuid(), DateTime.UtcNow, ann.Id);
            var handlers = scope.ServiceProvider.GetServices<IIntegrationEventHandler<AccountDeletedIntegrationEvent>>().ToList();
            Assert.Equal(6, handlers.Count); // Chat, Media, Recommendation, Notifications, Moderation and Accounts itself
            foreach (var handler in handlers)
            {
                await handler.HandleAsync(again, CancellationToken.None);
            }
        }

        Assert.Equal(lastSeq, await LastSeqAsync(room.Id));
        var history = await Chat.HistoryAsync(bob, room.Id);
        Assert.True(Assert.Single(history.Messages) is { Deleted: true, Text: "" });
    }

    [Fact]
    public async Task A_message_stored_in_the_instant_of_the_deletion_is_erased_by_the_second_pass()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await Chat.SendAsync(ann, room.Id, "before");
        using (var deleted = await DeleteMeAsync(ann.Tokens.AccessToken, new { password = ann.Password }))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await Eventually.Async(async () => await AnnsTombstonesAsync(ann.Id) == 1 && !await IsMemberAsync(room.Id, ann.Id), because: "the first pass");

        // What a hub send accepted just before the deletion and stored just after the first pass leaves behind.
        var late = Guid.CreateVersion7();
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            await db.Rooms.Where(r => r.Id == room.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastSeq, r => r.LastSeq + 1));
            var seq = await LastSeqAsync(room.Id);
            db.Messages.Add(new ChatApp.Modules.Chat.Domain.Message
            {
                Id = late, RoomId = room.Id, Seq = seq, SenderId = ann.Id, ClientMessageId = "late", Text = "late words", CreatedAt = DateTime.UtcNow,
            });
            db.RoomEvents.Add(new ChatApp.Modules.Chat.Domain.RoomEvent
            {
                RoomId = room.Id, Seq = seq, Kind = "message.created", MessageId = late, UserId = ann.Id, OccurredAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await Eventually.Async(async () => await AnnsTombstonesAsync(ann.Id) == 2, TimeSpan.FromSeconds(40), "the second pass");
        Assert.All((await Chat.HistoryAsync(bob, room.Id)).Messages.Where(m => m.SenderId == ann.Id), m => Assert.True(m is { Deleted: true, Text: "" }));
    }

    [Fact]
    public async Task The_direct_room_of_a_deleted_person_stays_readable_and_refuses_new_messages_with_a_code()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var sentBefore = await Chat.SendAsync(ann, room.Id, "are you there?", clientMessageId: "before-1");
        await Chat.SendAsync(bob, room.Id, "bye");
        using (var deleted = await DeleteMeAsync(bob.Tokens.AccessToken, new { password = bob.Password }))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await Eventually.Async(async () => !await IsMemberAsync(room.Id, bob.Id), because: "Chat erased Bob");
        var lastSeq = await LastSeqAsync(room.Id);

        using (var rest = await Chat.PostMessageAsync(ann, room.Id, "hello?"))
        {
            Assert.Equal(HttpStatusCode.Conflict, rest.StatusCode);
            Assert.Equal("chat.partner_deleted", (await Problem.ReadAsync(rest)).Code);
        }

        await using (var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken))
        {
            var hub = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
                annsPhone.Connection.InvokeAsync<MessageDto>("SendMessage", room.Id, "hub-after", "hello?", (Guid?)null));
            Assert.Contains("chat.partner_deleted", hub.Message, StringComparison.Ordinal);
        }

        // A retry of a send stored before the deletion still gets its message back; nothing new was stored.
        using (var replay = await Chat.PostMessageAsync(ann, room.Id, "are you there?", clientMessageId: "before-1"))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            Assert.Equal(sentBefore.Id, (await replay.Content.ReadFromJsonAsync<MessageDto>())!.Id);
        }

        Assert.Equal(lastSeq, await LastSeqAsync(room.Id));
        var history = await Chat.HistoryAsync(ann, room.Id);
        Assert.Contains(history.Messages, m => m.Id == sentBefore.Id && m.Text == "are you there?");
    }

    [Fact]
    public async Task An_admin_deletes_an_account_and_the_audit_log_records_who_did_it_without_personal_data()
    {
        var admin = await Api.LoginAsync(ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);
        var adminId = (await Api.As(admin.AccessToken).GetFromJsonAsync<System.Text.Json.JsonElement>(Me)).GetProperty("id").GetGuid();
        var target = await Api.NewUserAsync("Troublemaker Tim");

        using (var deleted = await Api.As(admin.AccessToken).DeleteAsync($"{AdminAccounts}/{target.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(target).GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(target.Tokens.RefreshToken)).StatusCode);
        Assert.Equal(1, await DeletedEventsAsync(target.Id));
        using (var scope = Factory.Services.CreateScope())
        {
            var entry = Assert.Single(await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().AuditLog.AsNoTracking().ToListAsync());
            Assert.Equal((adminId, "account.deleted", target.Id, (string?)null), (entry.ActorUserId, entry.Action, entry.SubjectUserId, entry.Detail));
        }

        // Again: nothing left to delete, nothing more logged.
        var again = await Problem.ReadAsync(await Api.As(admin.AccessToken).DeleteAsync($"{AdminAccounts}/{target.Id}"));
        Assert.Equal((404, "accounts.user_not_found"), (again.Status, again.Code));
        using (var scope = Factory.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().AuditLog.CountAsync());
        }

        Assert.Equal(HttpStatusCode.Created, (await Api.PostRegisterAsync(new { email = target.Email, password = AccountsApi.Password, displayName = "Tim again" })).StatusCode);
    }

    [Fact]
    public async Task The_admin_pages_cookie_also_deletes_an_account()
    {
        var target = await Api.NewUserAsync("Spammer");
        var browser = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/html"));
        var page = await (await browser.GetAsync("/admin/login")).Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(page);
        Assert.True(antiforgery.Success, "the sign-in page has an antiforgery field");
        using (var signIn = await browser.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   [antiforgery.Groups["name"].Value] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
                   ["returnUrl"] = "/hangfire",
                   ["email"] = ChatAppFactory.AdminEmail,
                   ["password"] = ChatAppFactory.AdminPassword,
               })))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using (var deleted = await browser.DeleteAsync($"{AdminAccounts}/{target.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(target).GetAsync(Me)).StatusCode);
        using var scope = Factory.Services.CreateScope();
        var entry = Assert.Single(await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().AuditLog.AsNoTracking().ToListAsync());
        Assert.Equal(target.Id, entry.SubjectUserId);
        Assert.NotEqual(Guid.Empty, entry.ActorUserId);
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_gets_403_and_deletes_nothing()
    {
        var mallory = await Api.NewUserAsync("Mallory");
        var victim = await Api.NewUserAsync("Victim");

        using (var response = await Api.As(mallory).DeleteAsync($"{AdminAccounts}/{victim.Id}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Anonymous().DeleteAsync($"{AdminAccounts}/{victim.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(victim).GetAsync(Me)).StatusCode);
        Assert.Equal(0, await DeletedEventsAsync(victim.Id));
    }

    [Fact]
    public async Task An_account_without_a_password_is_confirmed_by_a_provider_token_which_needs_a_configured_provider()
    {
        var user = await Api.NewUserAsync("Pat");
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True((await users.RemovePasswordAsync((await users.FindByIdAsync(user.Id.ToString()))!)).Succeeded);
        }

        var withPassword = await Problem.ReadAsync(await DeleteMeAsync(user.Tokens.AccessToken, new { password = user.Password }));
        var noProvider = await Problem.ReadAsync(await DeleteMeAsync(user.Tokens.AccessToken, new { provider = "google", token = "id-token", nonce = "n" }));

        Assert.Equal((400, "accounts.provider_token_required"), (withPassword.Status, withPassword.Code));
        Assert.Equal((404, "accounts.provider_not_configured"), (noProvider.Status, noProvider.Code));
        Assert.Equal(HttpStatusCode.OK, (await Api.As(user).GetAsync(Me)).StatusCode);
        Assert.Equal(0, await DeletedEventsAsync(user.Id));
    }

    private Task<HttpResponseMessage> DeleteMeAsync(string accessToken, object body) => Api.As(accessToken).SendAsync(DeleteRequest(Me, body));

    private static HttpRequestMessage DeleteRequest(string route, object body) => new(HttpMethod.Delete, route) { Content = JsonContent.Create(body) };

    private async Task<int> DeletedEventsAsync(Guid userId)
    {
        using var scope = Factory.Services.CreateScope();
        var mention = userId.ToString();
        return await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<ChatApp.BuildingBlocks.Outbox.OutboxMessage>()
            .CountAsync(m => m.Type.Contains(nameof(AccountDeletedIntegrationEvent)) && m.Content.Contains(mention));
    }

    private async Task<int> UndeliveredMentionsAsync(Guid userId)
    {
        using var scope = Factory.Services.CreateScope();
        var mention = userId.ToString();
        return await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<ChatApp.BuildingBlocks.Outbox.OutboxMessage>()
            .CountAsync(m => m.Content.Contains(mention) && m.ProcessedAt == null && m.DeadLetteredAt == null);
    }

    private async Task<int> AnnsTombstonesAsync(Guid userId)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChatDbContext>().Messages.CountAsync(m => m.SenderId == userId && m.DeletedAt != null && m.Text == "");
    }

    private async Task<bool> IsMemberAsync(Guid roomId, Guid userId)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChatDbContext>().RoomMembers.AnyAsync(m => m.RoomId == roomId && m.UserId == userId);
    }

    private async Task<long> LastSeqAsync(Guid roomId)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChatDbContext>().Rooms.Where(r => r.Id == roomId).Select(r => r.LastSeq).SingleAsync();
    }

    [System.Text.RegularExpressions.GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]+)">""")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryField();
}
