using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Notifications.Sending;

namespace ChatApp.UnitTests.Notifications.Sending;

public sealed class PushTextTests
{
    private static readonly PushRoomContent Direct = new(true, 3, PushRoomKind.Direct, null, null);
    private static readonly PushRoomContent Group = new(true, 3, PushRoomKind.Group, "Climbing", null);

    private static PushMessagePreview Message(string text, bool attachments = false) => new(Guid.NewGuid(), 4, Guid.NewGuid(), text, attachments);

    [Fact]
    public void A_direct_message_is_titled_by_its_sender()
    {
        Assert.Equal(("Ana", "see you at 8"), PushText.Compose(Direct, Message("see you at 8"), "Ana", showPreviews: true));
    }

    [Fact]
    public void A_group_message_is_titled_by_the_room_and_names_the_sender()
    {
        Assert.Equal(("Climbing", "Ana: rope?"), PushText.Compose(Group, Message("rope?"), "Ana", showPreviews: true));
    }

    [Fact]
    public void Without_previews_the_text_never_appears()
    {
        Assert.Equal(("Ana", PushText.NewMessage), PushText.Compose(Direct, Message("my pin is 1234"), "Ana", showPreviews: false));
        Assert.Equal(("Climbing", PushText.NewMessage), PushText.Compose(Group, Message("my pin is 1234"), "Ana", showPreviews: false));
    }

    [Fact]
    public void A_photo_without_text_says_photo_and_an_unknown_sender_is_someone()
    {
        Assert.Equal((PushText.SomeoneFallback, PushText.Photo), PushText.Compose(Direct, Message("", attachments: true), null, showPreviews: true));
    }
}
