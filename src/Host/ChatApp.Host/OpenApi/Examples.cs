using System.Text.Json.Nodes;
using ChatApp.Modules.Accounts.Auth;
using ChatApp.Modules.Accounts.Features.Login;
using ChatApp.Modules.Accounts.Features.Register;
using ChatApp.Modules.Chat.Features.SendMessage;
using ChatApp.Modules.Chat.Rooms;
using ChatApp.Modules.Media.Images;

namespace ChatApp.Host.OpenApi;

/// <summary>
/// Examples of the main bodies, shown in the OpenAPI document (<see cref="ExamplesSchemaTransformer"/>) and in the API
/// reference. A test reads every one back into its C# type with unknown members refused, so an example cannot drift
/// from the wire format; values are made up but pass the validators.
/// </summary>
internal static class Examples
{
    private const string UserId = "0192d6a4-7c1e-7b43-9a51-3f0e8b2c4d10";
    private const string FriendId = "0192d6a4-8a02-7e11-8c3d-5b6a7f9e0c21";
    private const string RoomId = "0192d6a5-1b3c-7d4e-9f60-a1b2c3d4e5f6";
    private const string MessageId = "0192d6a6-2c4d-7e5f-8a71-b2c3d4e5f607";
    private const string MediaId = "0192d6a6-3d5e-7f60-9b82-c3d4e5f60718";

    /// <summary>The example of each body type.</summary>
    public static IReadOnlyDictionary<Type, string> ByType { get; } = new Dictionary<Type, string>
    {
        [typeof(RegisterCommand)] = """
            { "email": "minji@example.com", "password": "Spring-2026-Tea", "displayName": "김민지", "handle": "minji.kim" }
            """,
        [typeof(LoginCommand)] = """
            { "email": "minji@example.com", "password": "Spring-2026-Tea", "deviceName": "Galaxy S25" }
            """,
        [typeof(TokenResponse)] = """
            {
              "accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTkyZDZhNCJ9.c2lnbmF0dXJl",
              "accessTokenExpiresAt": "2026-12-02T10:15:00Z",
              "refreshToken": "Njb2hM3kq0yXgYk3Qm9wWl8tT2pVbE5hQ2VyZ0dWcUk",
              "refreshTokenExpiresAt": "2027-01-01T10:00:00Z",
              "sessionId": "0192d6a4-9b13-7f22-8d4e-6c7b8a9f0d32",
              "tokenType": "Bearer"
            }
            """,
        [typeof(SendMessageRequest)] = $$"""
            { "clientMessageId": "android-7f3c2a9e-0001", "text": "내일 10시에 만나요 👍", "replyTo": null, "attachments": ["{{MediaId}}"] }
            """,
        [typeof(MessageResponse)] = Message,
        [typeof(RoomResponse)] = $$"""
            {
              "id": "{{RoomId}}",
              "kind": "group",
              "name": "Weekend hiking",
              "ownerId": "{{UserId}}",
              "directUserId": null,
              "memberCount": 2,
              "lastSeq": 42,
              "lastActivityAt": "2026-12-02T09:58:12.345Z",
              "lastMessage": {{Message}},
              "readSeq": 40,
              "unreadCount": 2,
              "members": [
                { "userId": "{{UserId}}", "displayName": "김민지", "role": "owner", "avatarUrl": null, "deactivated": false, "readSeq": 40 },
                { "userId": "{{FriendId}}", "displayName": "Alex", "role": "member", "avatarUrl": null, "deactivated": false, "readSeq": 42 }
              ],
              "topic": "Saturday, Bukhansan",
              "picture": null
            }
            """,
        [typeof(MediaImageResponse)] = $$"""
            {
              "id": "{{MediaId}}",
              "purpose": "chat",
              "width": 1600,
              "height": 1200,
              "variants": [
                { "name": "chat", "url": "https://cdn.example.com/m/chat/{{MediaId}}.jpg?sig=q1w2e3", "width": 1600, "height": 1200, "contentType": "image/jpeg", "bytes": 284113 },
                { "name": "chat-thumb", "url": "https://cdn.example.com/m/chat-thumb/{{MediaId}}.jpg?sig=r4t5y6", "width": 320, "height": 240, "contentType": "image/jpeg", "bytes": 18842 }
              ],
              "urlsExpireAt": "2026-12-02T11:00:00Z",
              "createdAt": "2026-12-02T09:57:40.128Z"
            }
            """,
    };

    /// <summary>The example of the <c>Problem</c> schema: a validation problem, the richest kind.</summary>
    public const string Problem = """
        {
          "type": "https://httpstatuses.io/400",
          "title": "One or more validation errors occurred.",
          "status": 400,
          "detail": "One or more validation errors occurred.",
          "instance": "/api/v1/accounts/register",
          "code": "validation_failed",
          "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
          "errors": { "password": ["Passwords must have at least one digit ('0'-'9')."] }
        }
        """;

    private const string Message = $$"""
        {
          "id": "{{MessageId}}",
          "roomId": "{{RoomId}}",
          "seq": 42,
          "senderId": "{{UserId}}",
          "clientMessageId": "android-7f3c2a9e-0001",
          "text": "내일 10시에 만나요 👍",
          "replyToId": null,
          "createdAt": "2026-12-02T09:58:12.345Z",
          "editedAt": null,
          "deleted": false,
          "attachments": []
        }
        """;

    public static JsonNode Parse(string example) => JsonNode.Parse(example)!;
}
