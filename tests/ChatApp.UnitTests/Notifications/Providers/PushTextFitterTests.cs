using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatApp.Modules.Notifications.Providers;
using ChatApp.Modules.Notifications.Providers.Apns;
using ChatApp.Modules.Notifications.Providers.Fcm;

namespace ChatApp.UnitTests.Notifications.Providers;

public sealed class PushTextFitterTests
{
    private static readonly Func<string?, string?, byte[]> Serialize = (title, body) => JsonSerializer.SerializeToUtf8Bytes(new { title, body });

    [Fact]
    public void A_payload_that_fits_is_left_alone()
    {
        var payload = PushTextFitter.Fit("Ada", "Hello", 100, Serialize);

        Assert.Equal(Serialize("Ada", "Hello"), payload);
    }

    [Fact]
    public void A_long_body_is_cut_to_the_longest_prefix_that_fits_and_ends_with_an_ellipsis()
    {
        var body = string.Concat(Enumerable.Repeat("abcdefghij", 50));

        var payload = PushTextFitter.Fit("Ada", body, 200, Serialize)!;

        Assert.InRange(payload.Length, 190, 200);
        var fitted = JsonDocument.Parse(payload).RootElement.GetProperty("body").GetString()!;
        Assert.EndsWith("…", fitted, StringComparison.Ordinal);
        Assert.StartsWith(fitted[..^1], body, StringComparison.Ordinal);
        Assert.True(Serialize("Ada", body[..(fitted.Length)] + "…").Length > 200, "one more character would not fit");
    }

    [Fact]
    public void Emoji_and_combining_marks_are_never_split()
    {
        var body = string.Concat(Enumerable.Repeat("👋🏽e\u0301🇩🇪", 200));

        var payload = PushTextFitter.Fit(null, body, 300, Serialize)!;

        var fitted = JsonDocument.Parse(payload).RootElement.GetProperty("body").GetString()!;
        var kept = fitted[..^1];
        var elements = StringInfo.GetTextElementEnumerator(kept);
        var whole = new List<string>();
        while (elements.MoveNext())
        {
            whole.Add((string)elements.Current);
        }

        Assert.All(whole, e => Assert.Contains(e, new[] { "👋🏽", "e\u0301", "🇩🇪" }));
        Assert.True(payload.Length <= 300);
    }

    [Fact]
    public void The_title_is_cut_only_when_even_an_empty_body_does_not_fit()
    {
        var title = new string('T', 500);

        var payload = PushTextFitter.Fit(title, "Hello", 200, Serialize)!;

        var root = JsonDocument.Parse(payload).RootElement;
        Assert.Equal("", root.GetProperty("body").GetString());
        Assert.EndsWith("…", root.GetProperty("title").GetString()!, StringComparison.Ordinal);
        Assert.True(payload.Length <= 200);
    }

    [Fact]
    public void Nothing_fits_is_null() => Assert.Null(PushTextFitter.Fit("Ada", "Hello", 10, Serialize));

    [Fact]
    public void Both_services_payloads_stay_within_4096_bytes_for_a_huge_text()
    {
        var message = new PushMessage(PushKind.Alert, Guid.NewGuid(), 1, 3, Guid.NewGuid(), "Ada", string.Concat(Enumerable.Repeat("ß€😀", 3000)));

        var apns = ApnsPayload.Build(message)!;
        var fcm = FcmMessage.Build(new string('t', 163), message)!;

        Assert.InRange(apns.Length, 4000, 4096);
        Assert.InRange(fcm.Length, 3900, 4096);
        Assert.True(Encoding.UTF8.GetString(apns).Contains("…", StringComparison.Ordinal));
    }
}
