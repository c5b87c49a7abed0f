using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat.Search;

/// <summary>
/// Message search when the block budget (2 blocks per request here) ends before a page is full: the page holds the
/// matches that are final, its cursor continues below the blocks read, and paging on reaches every match newest first,
/// across many rooms whose blocks overlap in time, without gaps or repeats.
/// </summary>
public sealed class MessageSearchBudgetTests(SmallBudgetSearchFactory factory) : IntegrationTest<SmallBudgetSearchFactory>(factory)
{
    [Theory]
    [InlineData("회의록", "회의록을 올렸어요 {0}", "점심 메뉴 {0}")]
    [InlineData("josé", "Ask JOSE about it {0}", "nothing here {0}")]
    public async Task Pages_cut_by_the_budget_continue_by_cursor_to_every_match_across_rooms_without_gaps_or_repeats(string q, string match, string other)
    {
        var bob = await Api.NewUserAsync("Bob");
        var rooms = new List<(TestUser Sender, Guid RoomId)>();
        for (var r = 0; r < 6; r++)
        {
            var sender = await Api.NewUserAsync($"Sender {r}");
            rooms.Add((sender, (await Chat.CreateGroupAsync(sender, $"Room {r}", bob.Id)).Id));
        }

        var (carol, _, elsewhere) = await Chat.NewDirectRoomAsync();
        await Chat.SendAsync(carol, elsewhere.Id, string.Format(match, "not mine"));
        var expected = new List<Guid>();
        for (var round = 0; round < 3; round++)
        {
            // Every room gets messages in every round, so all rooms' blocks overlap in time.
            for (var r = 0; r < rooms.Count; r++)
            {
                var matches = (round + r) % 3 != 1;
                var sent = await Chat.SendAsync(rooms[r].Sender, rooms[r].RoomId, string.Format(matches ? match : other, $"{round}/{r}"));
                if (matches)
                {
                    expected.Add(sent.Id);
                }
            }
        }

        expected.Reverse();
        var seen = new List<Guid>();
        var shortPagesWithCursor = 0;
        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await Api.As(bob).GetAsync($"/api/v1/chat/search?q={Uri.EscapeDataString(q)}&limit=5{(cursor is null ? "" : "&cursor=" + cursor)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<SearchPageDto>())!;
            Assert.True(page.Results.Count <= 5);
            if (page.NextCursor is not null && page.Results.Count < 5)
            {
                shortPagesWithCursor++;
            }

            seen.AddRange(page.Results.Select(r => r.MessageId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 30);

        Assert.Equal(expected, seen);
        Assert.True(shortPagesWithCursor >= 1, $"{shortPagesWithCursor} short pages with a cursor in {pages}");
        Assert.True(pages >= 3);
    }
}
