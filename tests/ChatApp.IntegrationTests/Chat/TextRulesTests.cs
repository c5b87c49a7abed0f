using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>ADR 0018: what text the Chat module refuses (and with which code) and the form it stores, on REST and on the hub alike.</summary>
public sealed class TextRulesTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private const string Decomposed = "Zoe\u0308 cafe\u0301"; // e + combining diaeresis, e + combining acute
    private const string Composed = "Zo\u00EB caf\u00E9";

    [Theory]
    [InlineData("nul\0inside", "text.control_characters")]
    [InlineData("escape \u001B[2J", "text.control_characters")]
    [InlineData("c1 \u0085 control", "text.control_characters")]
    [InlineData("noncharacter \uFFFE", "text.invalid_unicode")]
    public async Task A_message_with_control_characters_is_refused_on_rest_and_nothing_is_stored(string text, string code)
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();

        var response = await Chat.PostMessageAsync(ann, room.Id, text, "c1");
        var problem = await Problem.ReadAsync(response);

        Assert.Equal(400, problem.Status);
        Assert.Equal(code, problem.Code);
        Assert.Equal(["text"], problem.Errors.Keys);
        Assert.Empty((await Chat.HistoryAsync(ann, room.Id)).Messages);
        // Nothing of the refused send was kept: its client message id sends the corrected text, as the first message.
        var corrected = await Chat.SendAsync(ann, room.Id, "corrected", "c1");
        Assert.Equal(room.LastSeq + 1, corrected.Seq);
    }

    [Fact]
    public async Task Message_text_keeps_line_feeds_and_tabs_and_is_stored_in_nfc_with_line_feeds()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();

        var sent = await Chat.SendAsync(ann, room.Id, Decomposed + "\r\nsecond line\tand a tab\rthird");

        const string Stored = Composed + "\nsecond line\tand a tab\nthird";
        Assert.Equal(Stored, sent.Text);
        Assert.Equal(Stored, (await Chat.HistoryAsync(bob, room.Id)).Messages.Single().Text);
        Assert.True(sent.Text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task The_hub_refuses_what_rest_refuses_keeps_the_connection_and_stores_nfc()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await using var phone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);

        var control = await Assert.ThrowsAsync<HubException>(() =>
            phone.Connection.InvokeAsync<MessageDto>("SendMessage", room.Id, "h1", "bell\a", (Guid?)null));
        var withAttachments = await Assert.ThrowsAsync<HubException>(() =>
            phone.Connection.InvokeAsync<MessageDto>("SendMessageWithAttachments", room.Id, "h2", "nul\0", (Guid?)null, new[] { Guid.NewGuid() }));
        var sent = await phone.Connection.InvokeAsync<MessageDto>("SendMessage", room.Id, "h1", Decomposed, (Guid?)null);

        Assert.Contains("text.control_characters", control.Message, StringComparison.Ordinal);
        Assert.Contains("text.control_characters", withAttachments.Message, StringComparison.Ordinal);
        Assert.Equal(Composed, sent.Text);
        Assert.Equal(room.LastSeq + 1, sent.Seq);
        Assert.Equal([Composed], (await Chat.HistoryAsync(bob, room.Id)).Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task An_edit_is_judged_and_stored_like_a_send()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(ann, room.Id, "first");
        var path = $"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}";

        var refused = await Problem.ReadAsync(await Api.As(ann).PatchAsJsonAsync(path, new { text = "edited\0" }));
        var edited = await Api.As(ann).PatchAsJsonAsync(path, new { text = Decomposed });

        Assert.Equal("text.control_characters", refused.Code);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(Composed, (await Chat.HistoryAsync(bob, room.Id)).Messages.Single().Text);
    }

    [Theory]
    [InlineData("Team\0", "text.control_characters")]
    [InlineData("Team\nB", "text.control_characters")]
    [InlineData("Team\tB", "text.control_characters")]
    [InlineData("Pay \u202Egnp.exe", "text.bidi_controls")]
    [InlineData("\u2067Team\u2069", "text.bidi_controls")]
    public async Task A_room_name_with_controls_or_bidirectional_overrides_is_refused(string name, string code)
    {
        var ann = await Api.NewUserAsync();

        var response = await Api.As(ann).PostAsJsonAsync("/api/v1/chat/rooms", new { name, memberIds = Array.Empty<Guid>() });
        var problem = await Problem.ReadAsync(response);

        Assert.Equal(400, problem.Status);
        Assert.Equal(code, problem.Code);
        Assert.Equal(["name"], problem.Errors.Keys);
        Assert.Empty(await Chat.RoomsAsync(ann));
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\u3164")]
    public async Task A_room_name_that_shows_nothing_is_blank(string name)
    {
        var ann = await Api.NewUserAsync();

        var problem = await Problem.ReadAsync(await Api.As(ann).PostAsJsonAsync("/api/v1/chat/rooms", new { name, memberIds = Array.Empty<Guid>() }));

        Assert.Equal("validation_failed", problem.Code);
        Assert.Equal(["'Name' must not be blank."], problem.Errors["name"]);
    }

    [Fact]
    public async Task A_room_name_is_stored_in_nfc_and_may_hold_bidirectional_marks()
    {
        var ann = await Api.NewUserAsync();

        var room = await Chat.CreateGroupAsync(ann, " " + Decomposed + " \u200Fשרה ");

        Assert.Equal(Composed + " \u200Fשרה", room.Name);
        Assert.Equal(Composed + " \u200Fשרה", (await Chat.RoomsAsync(ann)).Single().Name);
    }

    [Fact]
    public async Task The_room_name_length_counts_the_stored_form()
    {
        var ann = await Api.NewUserAsync();

        // 200 characters sent, 100 (the limit) once composed.
        var composed = await Chat.CreateGroupAsync(ann, string.Concat(Enumerable.Repeat("e\u0301", 100)));
        // 40 characters sent, 120 once normalised (each Hebrew presentation form is three characters in NFC).
        var expanding = await Problem.ReadAsync(await Api.As(ann).PostAsJsonAsync("/api/v1/chat/rooms", new { name = new string('\uFB2C', 40), memberIds = Array.Empty<Guid>() }));

        Assert.Equal(100, composed.Name.Length);
        Assert.Equal("validation_failed", expanding.Code);
        Assert.Equal(["'Name' must be 100 characters or fewer."], expanding.Errors["name"]);
    }

    [Fact]
    public async Task A_reaction_key_is_judged_like_a_name_and_stored_in_nfc()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(ann, room.Id, "react to me");
        string Path(string emoji) => $"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}/reactions/{Uri.EscapeDataString(emoji)}";

        var control = await Problem.ReadAsync(await Api.As(bob).PutAsync(Path("x\u0007"), null));
        var bidi = await Problem.ReadAsync(await Api.As(bob).PutAsync(Path("\u202Eok"), null));
        var decomposed = await Api.As(bob).PutAsync(Path(":cafe\u0301:"), null);
        var stored = (await Chat.HistoryAsync(ann, room.Id)).Reactions;
        var removedComposed = await Api.As(bob).DeleteAsync(Path(":caf\u00E9:"));

        Assert.Equal("text.control_characters", control.Code);
        Assert.Equal("text.bidi_controls", bidi.Code);
        Assert.Equal(HttpStatusCode.NoContent, decomposed.StatusCode);
        Assert.Equal([":caf\u00E9:"], stored.Select(r => r.Emoji));
        Assert.Equal(HttpStatusCode.NoContent, removedComposed.StatusCode);
        Assert.Empty((await Chat.HistoryAsync(ann, room.Id)).Reactions); // the composed key named the reaction stored from the decomposed one
    }
}
