using ChatApp.Modules.Chat.Search;

namespace ChatApp.UnitTests.Chat.Search;

public sealed class SearchFrontierTests
{
    private static readonly DateTime T0 = new(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc);

    private static (DateTime CreatedAt, Guid MessageId) At(int seconds, int id) => (T0.AddSeconds(seconds), new Guid(id, 0, 0, new byte[8]));

    [Fact]
    public void A_match_is_final_only_when_newer_than_the_next_unread_blocks_last_message()
    {
        Assert.True(SearchFrontier.IsFinal(T0.AddSeconds(2), T0.AddSeconds(1)));
        Assert.False(SearchFrontier.IsFinal(T0.AddSeconds(1), T0.AddSeconds(1)));
        Assert.False(SearchFrontier.IsFinal(T0, T0.AddSeconds(1)));
        Assert.True(SearchFrontier.IsFinal(T0, null));
    }

    [Fact]
    public void A_full_page_ends_at_its_last_result_newest_first_with_ties_by_id()
    {
        var matches = new[] { At(5, 1), At(9, 1), At(5, 2), At(7, 1), At(1, 1) };

        var (page, next) = SearchFrontier.Page(matches, m => m, frontier: T0.AddSeconds(3), limit: 3);

        Assert.Equal([At(9, 1), At(7, 1), At(5, 2)], page);
        Assert.Equal(At(5, 2), next);
    }

    [Fact]
    public void A_page_cut_by_the_budget_holds_only_final_matches_and_continues_just_below_the_frontier()
    {
        var frontier = T0.AddSeconds(5);
        var matches = new[] { At(9, 1), At(5, 3), At(2, 1) };

        var (page, next) = SearchFrontier.Page(matches, m => m, frontier, limit: 20);

        Assert.Equal([At(9, 1)], page);
        Assert.Equal((frontier.AddTicks(1), Guid.Empty), next);
        // The next page takes everything at or before the frontier (the held-back match at exactly 5 s too) and nothing newer.
        Assert.True(SearchFrontier.IsAfter(At(5, 3), next));
        Assert.True(SearchFrontier.IsAfter((frontier, Guid.Empty), next));
        Assert.False(SearchFrontier.IsAfter(At(9, 1), next));
    }

    [Fact]
    public void When_every_block_was_read_all_matches_are_final_and_there_is_no_cursor()
    {
        var (page, next) = SearchFrontier.Page(new[] { At(1, 1), At(2, 1) }, m => m, frontier: null, limit: 2);

        Assert.Equal([At(2, 1), At(1, 1)], page);
        Assert.Null(next);
    }

    [Fact]
    public void Stopping_for_the_budget_must_move_past_the_requests_own_cursor()
    {
        var frontier = T0.AddSeconds(5);

        Assert.True(SearchFrontier.BudgetStopProgresses(frontier, null));
        Assert.True(SearchFrontier.BudgetStopProgresses(frontier, At(6, 1)));
        Assert.False(SearchFrontier.BudgetStopProgresses(frontier, SearchFrontier.BudgetCursor(frontier)));
        Assert.False(SearchFrontier.BudgetStopProgresses(frontier, At(5, 1)));
    }
}
