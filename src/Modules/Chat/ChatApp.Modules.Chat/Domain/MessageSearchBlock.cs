namespace ChatApp.Modules.Chat.Domain;

/// <summary>
/// The search summary of one block of a room's messages: those whose <c>Seq / </c><see cref="Size"/> is
/// <see cref="Block"/>. <see cref="Bits"/> is a Bloom filter of their search terms
/// (<see cref="Search.MessageSearchText"/>, <see cref="Search.SearchBloom"/>): a term that is not in it is in none of
/// them. <see cref="FirstAt"/> and <see cref="LastAt"/> bound their sending times. Written under the room row's lock in
/// the transaction that writes (or edits) the messages; only ever widened: the filter is a superset (an edit's old terms
/// and a deleted message's stay in it), and the exact check on the messages themselves drops what no longer matches.
/// </summary>
internal sealed class MessageSearchBlock
{
    /// <summary>Messages per block (sequence numbers, which room events share, so a block holds at most this many).</summary>
    public const int Size = 32;

    public Guid RoomId { get; set; }

    public long Block { get; set; }

    public DateTime FirstAt { get; set; }

    public DateTime LastAt { get; set; }

    public byte[] Bits { get; set; } = [];
}
