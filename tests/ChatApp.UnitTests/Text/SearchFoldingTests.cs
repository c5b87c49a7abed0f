using ChatApp.BuildingBlocks.Text;

namespace ChatApp.UnitTests.Text;

public sealed class SearchFoldingTests
{
    [Theory]
    [InlineData("José Álvarez", "jose alvarez")]
    [InlineData("ＡＢＣ　ｄｅｆ", "abc def")] // full-width letters and space
    [InlineData("  Zoë\t\nMüller ", "zoe muller")]
    [InlineData("김민준", "김민준")] // Hangul stays composed
    [InlineData("내일 판교역에서 만나요", "내일 판교역에서 만나요")]
    [InlineData("Straße", "straße")]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    public void Folding_ignores_case_accents_and_width_and_keeps_hangul_whole(string? text, string folded) =>
        Assert.Equal(folded, SearchFolding.Fold(text));

    [Fact]
    public void A_decomposed_hangul_input_folds_like_the_composed_one() =>
        Assert.Equal(SearchFolding.Fold("민준"), SearchFolding.Fold("민준".Normalize(System.Text.NormalizationForm.FormD)));

    [Theory]
    [InlineData("김민준", "ㄱㅁㅈ")]
    [InlineData("Kim 민준", "kim ㅁㅈ")]
    [InlineData("까치", "ㄲㅊ")]
    [InlineData("히읗", "ㅎㅇ")]
    public void Choseong_gives_the_initial_consonants(string text, string initials) =>
        Assert.Equal(initials, SearchFolding.Choseong(text));

    [Theory]
    [InlineData("ㄱㅁㅈ", true)]
    [InlineData("ㄱ ㅁ", true)]
    [InlineData("김ㅁㅈ", false)]
    [InlineData("kim", false)]
    [InlineData("ㅏ", false)] // a vowel is not an initial
    [InlineData(" ", false)]
    public void A_choseong_query_is_initial_consonants_only(string query, bool expected) =>
        Assert.Equal(expected, SearchFolding.IsChoseongQuery(query));
}
