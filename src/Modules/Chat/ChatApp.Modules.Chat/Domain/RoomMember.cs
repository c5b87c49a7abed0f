namespace ChatApp.Modules.Chat.Domain;

internal sealed class RoomMember
{
    public Guid RoomId { get; set; }

    public Guid UserId { get; set; }

    public MemberRole Role { get; set; }

    public DateTime JoinedAt { get; set; }

    /// <summary>The room sequence number this member has read up to; it only moves forward.</summary>
    public long ReadSeq { get; set; }
}
