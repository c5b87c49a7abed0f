using ChatApp.Client.Chat;
using ChatApp.Client.Media;

namespace ChatApp.UnitTests.Client;

/// <summary>The client's records compare by content, their lists included (a plain record compares lists by reference).</summary>
public sealed class RecordEqualityTests
{
    private static readonly DateTime At = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    private static Message NewMessage(string variantUrl, string text = "안녕") => new(
        Guid.Parse("0193a000-0000-7000-8000-000000000001"), Guid.Parse("0193a000-0000-7000-8000-000000000002"), 7,
        Guid.Parse("0193a000-0000-7000-8000-000000000003"), "c-1", text, null, At, null, false,
        [new Attachment(Guid.Parse("0193a000-0000-7000-8000-000000000004"), 640, 480, [new MediaVariant("chat", variantUrl, 640, 480, "image/webp", 1234)], null)]);

    [Fact]
    public void Two_answers_with_the_same_content_are_equal_lists_included()
    {
        var a = NewMessage("/media/a.webp");
        var b = NewMessage("/media/a.webp");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(new MessagePage([a], false, [new ReactionSummary(a.Id, "👍", 1, [a.SenderId])]), new MessagePage([b], false, [new ReactionSummary(b.Id, "👍", 1, [b.SenderId])]));
    }

    [Fact]
    public void A_difference_inside_a_list_or_a_field_makes_them_differ()
    {
        var a = NewMessage("/media/a.webp");

        Assert.NotEqual(a, NewMessage("/media/b.webp"));
        Assert.NotEqual(a, NewMessage("/media/a.webp", text: "hello"));
        Assert.NotEqual(a, a with { Attachments = [] });
        Assert.NotEqual(new MessagePage([a], false, []), new MessagePage([a, a], false, []));
    }
}
