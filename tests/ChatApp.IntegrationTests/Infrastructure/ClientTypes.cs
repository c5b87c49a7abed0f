// The tests read the server's answers into the typed client's records (src/Clients/ChatApp.Client), so a change of the
// contract that the client does not follow fails here too. The old test names stay as aliases.
global using MessageDto = ChatApp.Client.Chat.Message;
global using MessagePageDto = ChatApp.Client.Chat.MessagePage;
global using ReactionSummaryDto = ChatApp.Client.Chat.ReactionSummary;
global using ReadStateDto = ChatApp.Client.Chat.ReadState;
global using RoomDto = ChatApp.Client.Chat.Room;
global using RoomMemberDto = ChatApp.Client.Chat.RoomMember;
global using Tokens = ChatApp.Client.Accounts.TokenResponse;
global using UploadedImage = ChatApp.Client.Media.MediaImage;
global using UploadedVariant = ChatApp.Client.Media.MediaVariant;
