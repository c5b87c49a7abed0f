using ChatApp.Modules.Accounts.Domain;
using ChatApp.Modules.Accounts.Features.SearchPeople;

namespace ChatApp.UnitTests.Accounts;

/// <summary>The pure rules of term-ordered people search (ADR 0023 part P): which term lists a person, cursors, prefix ranges.</summary>
public sealed class PeopleSearchTermOrderTests
{
    private static readonly Guid Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Theory]
    [InlineData("이윤아", "ㅇ", "ㅇ")] // 초성 ㅇㅇㅇ: suffixes ㅇㅇㅇ, ㅇㅇ, ㅇ
    [InlineData("이윤아", "ㅇㅇ", "ㅇㅇ")]
    [InlineData("김민준호", "민준", "민준호")]
    [InlineData("Anna Banana", "an", "ana")] // anna banana, anana, ana
    [InlineData("Anna Banana", "ban", "banana")]
    [InlineData("José Álvarez", "alv", "alvarez")]
    [InlineData("김민준", "ㅂ", null)]
    [InlineData("김민준", "민준", "민준")]
    public void A_person_is_listed_under_the_least_of_their_terms_that_start_with_the_query(string name, string query, string? expected)
    {
        var first = NameSearchKeys.FirstTermStartingWith(NameSearchKeys.For(Id, name), query);

        Assert.Equal(expected, first);
        if (expected is not null)
        {
            Assert.Contains(expected, NameSearchKeys.Terms(name));
        }
    }

    [Fact]
    public void The_least_term_is_the_least_of_all_stored_terms_with_that_prefix()
    {
        foreach (var name in new[] { "이윤아", "오영아", "Hannah Anand", "Ana Ana", "  Zoë   zoe  " })
        {
            var key = NameSearchKeys.For(Id, name);
            foreach (var prefix in NameSearchKeys.Terms(name).Select(t => t[..1]).Distinct())
            {
                var least = NameSearchKeys.Terms(name).Where(t => t.StartsWith(prefix, StringComparison.Ordinal))
                    .Order(Comparer<string>.Create(NameSearchKeys.Compare)).First();
                Assert.Equal(least, NameSearchKeys.FirstTermStartingWith(key, prefix));
            }
        }
    }

    [Fact]
    public void Cursors_of_each_order_survive_the_round_trip()
    {
        var key = NameSearchKeys.For(Id, "김민준");
        foreach (var cursor in new[] { PeopleSearchCursor.ByName(key), PeopleSearchCursor.ByTerm("민준 호", Id), PeopleSearchCursor.ByHandle("min.jun_92") })
        {
            Assert.True(PeopleSearchCursor.TryDecode(cursor.Encode(), out var decoded));
            Assert.Equal(cursor, decoded);
        }
    }

    [Theory]
    [InlineData("\u001Dt\u001F0f8fad5bd9cb469fa16570867728950e")] // no term
    [InlineData("\u001Dtmin\u001Fnot-an-id")]
    [InlineData("\u001DhMin")] // a handle is stored lower case
    [InlineData("\u001Dh..x")]
    [InlineData("\u001Dx민준")]
    [InlineData("민준\u001Fㅁㅈ")] // a key without its id
    public void A_cursor_this_search_did_not_make_is_refused(string text)
    {
        Assert.False(PeopleSearchCursor.TryDecode(System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(text)), out _));
    }

    [Theory]
    [InlineData("ㅇ", "ㅈ")]
    [InlineData("민준", "민줁")]
    [InlineData("jo", "jp")]
    [InlineData("a\U0010FFFF", "b")]
    [InlineData("\U0010FFFF", null)]
    [InlineData("x\uD7FF", "x\uE000")]
    public void A_prefix_range_ends_at_the_least_string_above_it(string prefix, string? upper)
    {
        Assert.Equal(upper, PrefixRanges.UpperBound(prefix));
    }
}
