using ChatApp.Modules.Accounts.External;

namespace ChatApp.UnitTests.Accounts;

public sealed class PictureOriginTests
{
    [Theory]
    [InlineData("https://*.fbcdn.net", "https://scontent-icn2-1.xx.fbcdn.net/v/t39.30808-1/123_n.jpg?oh=1", true)]
    [InlineData("https://*.fbcdn.net", "https://fbcdn.net/x.jpg", false)] // the bare domain is not a subdomain
    [InlineData("https://*.fbcdn.net", "https://evilfbcdn.net/x.jpg", false)]
    [InlineData("https://*.fbcdn.net", "https://fbcdn.net.evil.example/x.jpg", false)]
    [InlineData("https://*.fbcdn.net", "http://scontent.xx.fbcdn.net/x.jpg", false)] // scheme
    [InlineData("https://*.fbcdn.net", "https://scontent.xx.fbcdn.net:8443/x.jpg", false)] // port
    [InlineData("https://*.fbcdn.net", "https://user@scontent.xx.fbcdn.net/x.jpg", false)] // user info
    [InlineData("https://lh3.googleusercontent.com", "https://LH3.googleusercontent.com/a/pic=s96-c", true)]
    [InlineData("https://lh3.googleusercontent.com", "https://lh4.googleusercontent.com/a/pic", false)]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41234/p/a.jpg", true)]
    [InlineData("http://127.0.0.1:41234/", "http://localhost:41234/p/a.jpg", false)]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41235/p/a.jpg", false)]
    public void An_origin_matches_only_its_scheme_host_and_port(string origin, string url, bool matches)
    {
        Assert.True(PictureOrigin.TryParse(origin, out var parsed));
        Assert.Equal(matches, parsed.Matches(new Uri(url)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fbcdn.net")]
    [InlineData("ftp://files.example")]
    [InlineData("https://")]
    [InlineData("https://*.")]
    [InlineData("https://cdn.example/path")]
    [InlineData("https://a.*.example")]
    [InlineData("https://user@cdn.example")]
    [InlineData("https://*.com")] // a wildcard needs two labels under it
    [InlineData("https://*.kr:443")]
    [InlineData("https://cdn.example?x=1")]
    [InlineData("https://cdn.example#top")]
    public void Anything_but_scheme_host_and_port_is_refused(string? origin) =>
        Assert.False(PictureOrigin.TryParse(origin, out _));

    [Fact]
    public void Configured_origins_are_checked_at_start_and_unset_ones_are_the_providers_defaults()
    {
        var options = new ExternalSignInOptions();
        Assert.True(new ExternalSignInOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(["https://*.fbsbx.com", "https://*.fbcdn.net"], options.PictureOriginsOf(ExternalProviders.Facebook));
        Assert.Empty(options.PictureOriginsOf(ExternalProviders.Apple));

        options.Google.PictureOrigins = [];
        Assert.Empty(options.PictureOriginsOf(ExternalProviders.Google)); // an empty list set in code; configuration binds [] as unset

        options.Kakao.PictureOrigins = ["https://*.kakaocdn.net", "kakaocdn.net"];
        options.PictureTimeout = TimeSpan.Zero;
        options.PictureAttempts = 0;
        var result = new ExternalSignInOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("'kakaocdn.net'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("PictureTimeout", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("PictureAttempts", StringComparison.Ordinal));
    }
}
