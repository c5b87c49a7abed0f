using ChatApp.BuildingBlocks.Text;
using ChatApp.Modules.Chat.Search;

namespace ChatApp.UnitTests.Chat.Search;

public sealed class MessageSearchTextTests
{
    [Fact]
    public void Hangul_gives_bigrams_and_a_query_without_particle_is_covered_by_the_text_with_one()
    {
        var stored = MessageSearchText.IndexTerms(SearchFolding.Fold("내일 판교역에서 만나요"));

        Assert.Superset(new HashSet<string>(["내일", "판교", "교역", "역에", "에서", "만나", "나요"]), new HashSet<string>(stored));
        Assert.Equal(["판교", "교역"], MessageSearchText.QueryTerms(SearchFolding.Fold("판교역")));
        Assert.All(MessageSearchText.QueryTerms(SearchFolding.Fold("판교역")), t => Assert.Contains(t, stored));
    }

    [Fact]
    public void Words_give_every_prefix_of_two_to_eight_units_and_a_query_word_its_first_eight()
    {
        var stored = MessageSearchText.IndexTerms(SearchFolding.Fold("José's tomorrowland"));

        Assert.Equal(
            new HashSet<string>(["jo", "jos", "jose", "to", "tom", "tomo", "tomor", "tomorr", "tomorro", "tomorrow", "jose\u0001s", "s\u0001to"]),
            new HashSet<string>(stored));
        Assert.Equal(["tomorrow"], MessageSearchText.QueryTerms("tomorrowland"));
        Assert.Equal(["tom"], MessageSearchText.QueryTerms("tom"));
        Assert.Equal(["cafe", "tonight", "cafe\u0001to"], MessageSearchText.QueryTerms(SearchFolding.Fold("Café TONIGHT")));
    }

    [Theory]
    [InlineData("Dinner at JOSÉ's café tonight? 판교역에서 oquiad 만나요", "café tonight")]
    [InlineData("Dinner at JOSÉ's café tonight? 판교역에서 oquiad 만나요", "역에서 oquiad 만")]
    [InlineData("Dinner at JOSÉ's café tonight? 판교역에서 oquiad 만나요", "at jose's ca")]
    [InlineData("Dinner at JOSÉ's café tonight? 판교역에서 oquiad 만나요", "tonight? 판교")]
    [InlineData("a b c", "a b c")]
    public void Every_term_of_a_phrase_the_text_contains_at_word_starts_is_in_the_texts_terms(string text, string query)
    {
        var stored = MessageSearchText.IndexTerms(SearchFolding.Fold(text));

        Assert.Contains(SearchFolding.Fold(query), SearchFolding.Fold(text), StringComparison.Ordinal);
        Assert.All(MessageSearchText.QueryTerms(SearchFolding.Fold(query)), t => Assert.Contains(t, stored));
    }

    [Fact]
    public void Neighbouring_words_give_a_pair_term_so_a_phrase_of_common_words_narrows()
    {
        var stored = MessageSearchText.IndexTerms(SearchFolding.Fold("oquiad later, uaeioe now"));

        Assert.Contains("oquiad\u0001ua", MessageSearchText.QueryTerms("oquiad uaeioe"));
        Assert.DoesNotContain("oquiad\u0001ua", stored);
        Assert.Contains("later\u0001ua", stored);
    }

    [Theory]
    [InlineData("역", false)]
    [InlineData("a b", false)]
    [InlineData("ab", true)]
    [InlineData("판교", true)]
    [InlineData("x 판교", true)]
    public void A_query_needs_a_bigram_or_a_word_of_two(string query, bool hasTerm) =>
        Assert.Equal(hasTerm, MessageSearchText.HasTerm(SearchFolding.Fold(query)));

    [Theory]
    [InlineData("see you tomorrow", "tomor", true)]
    [InlineData("see you tomorrow", "orrow", false)]
    [InlineData("sioia and ioi", "ioi", true)]
    [InlineData("sioia", "ioi", false)]
    [InlineData("내일 판교역에서", "역에서", true)]
    [InlineData("판교역abc", "abc", true)]
    [InlineData("jose's", "'s", true)]
    public void A_latin_query_matches_where_a_word_starts_and_hangul_anywhere(string text, string query, bool matches) =>
        Assert.Equal(matches, MessageSearchText.Matches(SearchFolding.Fold(text), SearchFolding.Fold(query)));
}
