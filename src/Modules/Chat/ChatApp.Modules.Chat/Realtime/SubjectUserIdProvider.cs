using ChatApp.Modules.Chat.Features.SendMessage;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>SignalR addresses users by the access token's <c>sub</c> claim (claims keep their JWT names here).</summary>
internal sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst(ClaimsPrincipalExtensions.SubjectClaim)?.Value;
}
