using System.Globalization;
using ChatApp.Modules.Chat.Features.PushContentLookup;

namespace ChatApp.UnitTests.Chat.PushContentLookup;

public sealed class PreviewTextTests
{
    [Fact]
    public void A_text_within_the_limit_is_returned_unchanged()
    {
        var text = new string('a', 180);

        Assert.Same(text, PreviewText.Trim(text, 180));
    }

    [Fact]
    public void A_longer_text_keeps_the_limit_including_the_ellipsis()
    {
        var trimmed = PreviewText.Trim(new string('a', 181), 180);

        Assert.Equal(new string('a', 179) + "…", trimmed);
        Assert.Equal(180, new StringInfo(trimmed).LengthInTextElements);
    }

    [Fact]
    public void Surrogate_pairs_and_emoji_sequences_are_never_split()
    {
        // Each "👩‍👩‍👧" is one text element of 8 UTF-16 code units (surrogate pairs joined by ZWJ); each "😀" is one of 2.
        var family = "👩‍👩‍👧";
        var text = string.Concat(Enumerable.Repeat(family + "😀", 100));

        var trimmed = PreviewText.Trim(text, 180);

        var elements = new StringInfo(trimmed);
        Assert.Equal(180, elements.LengthInTextElements);
        Assert.EndsWith("…", trimmed, StringComparison.Ordinal);
        var kept = trimmed[..^1];
        Assert.Equal(string.Concat(Enumerable.Repeat(family + "😀", 89)) + family, kept);
        Assert.False(char.IsHighSurrogate(kept[^1]));
    }

    [Fact]
    public void White_space_before_the_cut_is_not_kept_before_the_ellipsis()
    {
        var trimmed = PreviewText.Trim(new string('a', 178) + " " + new string('b', 10), 180);

        Assert.Equal(new string('a', 178) + "…", trimmed);
    }
}
