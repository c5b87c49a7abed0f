using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Chat.Domain;
using ChatApp.Modules.Chat.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Chat;

public sealed record BlockedPersonDto(Guid UserId, string DisplayName, string? Handle, string? AvatarUrl, DateTime BlockedAt);

public sealed record BlockListDto(IReadOnlyList<BlockedPersonDto> Items, string? NextCursor);

public sealed class BlockListTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task The_people_I_blocked_are_listed_newest_first_with_names_and_handles_and_not_those_who_blocked_me()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("밥 Bob");
        var cho = await Api.NewUserAsync("초 Cho");
        var dan = await Api.NewUserAsync("Dan");
        (await Api.As(cho).PutAsJsonAsync("/api/v1/accounts/me/handle", new { handle = "cho.k" })).EnsureSuccessStatusCode();
        (await Api.As(ann).PutAsync($"/api/v1/chat/blocks/{bob.Id}", null)).EnsureSuccessStatusCode();
        (await Api.As(ann).PutAsync($"/api/v1/chat/blocks/{cho.Id}", null)).EnsureSuccessStatusCode();
        (await Api.As(dan).PutAsync($"/api/v1/chat/blocks/{ann.Id}", null)).EnsureSuccessStatusCode();

        var list = await Api.As(ann).GetFromJsonAsync<BlockListDto>("/api/v1/chat/blocks");
        (await Api.As(ann).DeleteAsync($"/api/v1/chat/blocks/{cho.Id}")).EnsureSuccessStatusCode();
        var afterUnblock = await Api.As(ann).GetFromJsonAsync<BlockListDto>("/api/v1/chat/blocks");

        Assert.Equal(["초 Cho", "밥 Bob"], list!.Items.Select(p => p.DisplayName));
        Assert.Equal([cho.Id, bob.Id], list.Items.Select(p => p.UserId));
        Assert.Equal("cho.k", list.Items[0].Handle);
        Assert.Null(list.NextCursor);
        Assert.Equal([bob.Id], afterUnblock!.Items.Select(p => p.UserId));
    }

    [Fact]
    public async Task A_long_block_list_is_paged_by_cursor_even_when_blocks_share_an_instant()
    {
        var ann = await Api.NewUserAsync("Ann");
        var instant = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
        var blocked = Enumerable.Range(0, 120).Select(_ => Guid.NewGuid()).ToList();
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            // Groups of 7 blocks at one instant, so that pages end inside a group.
            db.Blocks.AddRange(blocked.Select((id, i) => new Block { BlockerId = ann.Id, BlockedId = id, CreatedAt = instant.AddSeconds(i / 7) }));
            await db.SaveChangesAsync();
        }

        var pages = new List<BlockListDto>();
        string? cursor = null;
        do
        {
            var page = await Api.As(ann).GetFromJsonAsync<BlockListDto>("/api/v1/chat/blocks" + (cursor is null ? "" : "?cursor=" + cursor));
            pages.Add(page!);
            cursor = page!.NextCursor;
        }
        while (cursor is not null && pages.Count < 10);

        Assert.Equal([50, 50, 20], pages.Select(p => p.Items.Count));
        var listed = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(blocked.Order(), listed.Select(p => p.UserId).Order());
        Assert.Equal(listed.Select(p => p.BlockedAt).OrderDescending(), listed.Select(p => p.BlockedAt));
        Assert.All(listed, p => Assert.Equal("Deleted account", p.DisplayName));
    }

    [Fact]
    public async Task A_cursor_the_list_did_not_make_is_a_400()
    {
        var ann = await Api.NewUserAsync("Ann");

        var response = await Api.As(ann).GetAsync("/api/v1/chat/blocks?cursor=bm9wZQ");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((int)HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal("chat.invalid_cursor", problem.Code);
    }
}
