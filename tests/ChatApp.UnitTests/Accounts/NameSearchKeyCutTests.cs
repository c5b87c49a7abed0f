using ChatApp.Modules.Accounts.Domain;

namespace ChatApp.UnitTests.Accounts;

public sealed class NameSearchKeyCutTests
{
    [Fact]
    public void A_cut_never_ends_inside_an_emoji()
    {
        var name = new string('a', 31) + "😀b";

        Assert.Equal(new string('a', 31), NameSearchKeys.Cut(name, 32));
        Assert.Equal(new string('a', 31) + "😀", NameSearchKeys.Cut(name, 33));
        Assert.Equal("short", NameSearchKeys.Cut("short", 32));
    }

    [Fact]
    public void Every_term_of_a_long_name_with_emoji_is_whole_text()
    {
        var terms = NameSearchKeys.Terms("김민준 " + string.Concat(Enumerable.Repeat("😀x", 30)));

        Assert.NotEmpty(terms);
        Assert.All(terms, term => Assert.False(term.Length > 0 && char.IsHighSurrogate(term[^1]), $"'{term}' ends inside a surrogate pair"));
    }
}
