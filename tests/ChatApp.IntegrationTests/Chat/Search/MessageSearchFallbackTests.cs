using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat.Search;

/// <summary>
/// The bounded fallback of message search (what a request answers when the FULLTEXT statement is cut off): each page
/// holds the matches among the next few scanned rows only, and its cursor goes on below them.
/// </summary>
public sealed class MessageSearchFallbackTests(ScanOnlySearchFactory factory) : IntegrationTest<ScanOnlySearchFactory>(factory)
{
    [Theory]
    [InlineData("회의록", "회의록을 올렸어요 {0}", "점심 메뉴 {0}")]
    [InlineData("josé", "Ask JOSE about it {0}", "nothing here {0}")]
    public async Task Short_pages_continue_by_cursor_to_every_match_newest_first_without_gaps_or_repeats(string q, string match, string other)
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var (carol, _, elsewhere) = await Chat.NewDirectRoomAsync();
        await Chat.SendAsync(carol, elsewhere.Id, string.Format(match, "not mine"));
        var expected = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var matches = i % 3 != 1;
            var sent = await Chat.SendAsync(i % 2 == 0 ? ann : bob, room.Id, string.Format(matches ? match : other, i));
            if (matches)
            {
                expected.Add(sent.Id);
            }
        }

        expected.Reverse();
        var seen = new List<Guid>();
        var shortPagesWithCursor = 0;
        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await Api.As(bob).GetAsync($"/api/v1/chat/search?q={Uri.EscapeDataString(q)}&limit=3{(cursor is null ? "" : "&cursor=" + cursor)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<SearchPageDto>())!;
            Assert.True(page.Results.Count <= 2, "3 rows scanned per request, of which at most 2 match here");
            if (page.NextCursor is not null && page.Results.Count < 3)
            {
                shortPagesWithCursor++;
            }

            seen.AddRange(page.Results.Select(r => r.MessageId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(expected, seen);
        Assert.InRange(pages, 4, 5);
        Assert.True(shortPagesWithCursor >= 3);
    }
}
