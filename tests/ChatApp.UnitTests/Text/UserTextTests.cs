using System.Text;
using ChatApp.BuildingBlocks.Text;

namespace ChatApp.UnitTests.Text;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("Ann\0")]
    [InlineData("A\u0001nn")]
    [InlineData("Ann\u007F")]
    [InlineData("Ann\u0085")]
    [InlineData("Ann\u009B")]
    [InlineData("Ann\nBob")]
    [InlineData("Ann\tBob")]
    [InlineData("Ann\rBob")]
    [InlineData("Ann\u2028Bob")]
    [InlineData("Ann\u2029")]
    public void A_name_with_a_control_character_or_line_break_is_refused(string name) =>
        Assert.True(UserText.HasControlCharacters(name, UserTextKind.Name));

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("a\ttable")]
    [InlineData("windows\r\nline")]
    [InlineData("paragraph\u2029separator")]
    [InlineData("Zoë 😀 ‏עברית")]
    public void Text_may_hold_line_feeds_tabs_and_carriage_returns(string text) =>
        Assert.False(UserText.HasControlCharacters(text, UserTextKind.Text));

    [Theory]
    [InlineData("nul\0inside")]
    [InlineData("bell\a")]
    [InlineData("escape\u001B[31m")]
    [InlineData("c1\u0090")]
    public void Text_with_other_control_characters_is_refused(string text) =>
        Assert.True(UserText.HasControlCharacters(text, UserTextKind.Text));

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    public void Every_bidirectional_embedding_override_and_isolate_is_found(char control) =>
        Assert.True(UserText.HasBidiControls("admin" + control + "txt.exe"));

    [Theory]
    [InlineData("\u200Eשרה 2\u200F")]
    [InlineData("علي\u061C 7")]
    [InlineData("plain")]
    public void Bidirectional_marks_are_not_controls(string name) =>
        Assert.False(UserText.HasBidiControls(name));

    [Fact]
    public void Unpaired_surrogates_are_not_well_formed()
    {
        // Built here: xUnit's theory data would replace a lone surrogate with U+FFFD on the way to the test.
        Assert.False(UserText.IsWellFormed("a" + '\uD800' + "b"));
        Assert.False(UserText.IsWellFormed(((char)0xDC00).ToString()));
        Assert.False(UserText.IsWellFormed("end" + '\uD83D'));
        Assert.False(UserText.IsWellFormed("\uDE00" + '\uD83D'));
        Assert.True(UserText.IsWellFormed("\uD83D\uDE00"));
    }

    [Theory]
    [InlineData("\uFFFE")]
    [InlineData("\uFFFF")]
    [InlineData("\uFDD0")]
    [InlineData("\U0010FFFF")]
    public void Noncharacters_are_not_well_formed(string text) =>
        Assert.False(UserText.IsWellFormed(text));

    [Theory]
    [InlineData("")]
    [InlineData("😀 paired surrogates")]
    [InlineData("\uFFFD replacement")]
    [InlineData("\uE000 private use")]
    public void Paired_surrogates_and_the_replacement_character_are_well_formed(string text) =>
        Assert.True(UserText.IsWellFormed(text));

    [Fact]
    public void Every_well_formed_character_normalises_without_throwing()
    {
        // string.Normalize throws on some input (unpaired surrogates, U+FFFE): what IsWellFormed passes must never.
        var refused = 0;
        for (var value = 0; value <= 0x10FFFF; value++)
        {
            if (value is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var text = "a" + char.ConvertFromUtf32(value) + "\u0301";
            if (UserText.IsWellFormed(text))
            {
                _ = UserText.Normalize(text, UserTextKind.Text);
            }
            else
            {
                refused++;
            }
        }

        Assert.Equal(32 + (17 * 2), refused); // U+FDD0–U+FDEF and the last two of each plane
    }

    [Fact]
    public void Text_is_stored_in_normalisation_form_c()
    {
        var decomposed = "Zoe\u0308 cafe\u0301 \u212B"; // e + combining diaeresis, e + combining acute, the angstrom sign

        var stored = UserText.Normalize(decomposed, UserTextKind.Name);

        Assert.Equal("Zo\u00EB caf\u00E9 \u00C5", stored);
        Assert.True(stored.IsNormalized(NormalizationForm.FormC));
        Assert.Same(stored, UserText.Normalize(stored, UserTextKind.Name));
    }

    [Fact]
    public void Line_breaks_of_multi_line_text_are_stored_as_line_feeds()
    {
        Assert.Equal("one\ntwo\nthree\n\nfour", UserText.Normalize("one\r\ntwo\rthree\n\nfour", UserTextKind.Text));
        Assert.Equal("kept\r", UserText.Normalize("kept\r", UserTextKind.Name)); // names refuse \r; normalising does not hide it
    }

    [Fact]
    public void Normalising_can_make_text_longer_which_is_why_lengths_count_the_stored_form() =>
        Assert.Equal(3, UserText.Normalize("\uFB2C", UserTextKind.Text).Length); // one Hebrew presentation form, three characters in NFC

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u200B")]
    [InlineData("\u200D\uFE0F")]
    [InlineData("\u3164")]
    [InlineData("\u2800 \u115F")]
    [InlineData("\u0301")]
    [InlineData("\U000E0041\U000E0042")]
    [InlineData("\u00A0\u2003")]
    public void Text_that_shows_nothing_is_blank(string text) =>
        Assert.False(UserText.HasVisibleCharacter(text));

    [Theory]
    [InlineData("a")]
    [InlineData(" \u200B.")]
    [InlineData("😀")]
    [InlineData("👩\u200D💻")]
    [InlineData("\u200Fע")]
    public void Text_with_a_visible_character_is_not_blank(string text) =>
        Assert.True(UserText.HasVisibleCharacter(text));
}
