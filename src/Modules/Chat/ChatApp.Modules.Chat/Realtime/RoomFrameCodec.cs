using System.Buffers.Binary;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// The backplane message between nodes: the publishing node's id and a batch of <see cref="RoomFrame"/>s, each with its
/// room, numbers, recipients and the hub message already serialised for every protocol, so that a receiving node writes
/// it to its connections without deserialising or serialising anything.
/// Layout (little-endian): version 1 (byte), node id (16), frame count (int32), then per frame: room id (16), first and
/// last number (int64 each), recipient count (int32) and ids (16 each), protocol count (byte), then per protocol: name
/// length (byte), name (UTF-8), payload length (int32), payload.
/// </summary>
internal static class RoomFrameCodec
{
    private const byte Version = 1;

    public static byte[] Encode(Guid node, IReadOnlyList<RoomFrame> frames, IReadOnlyList<IHubProtocol> protocols)
    {
        var serialized = new ReadOnlyMemory<byte>[frames.Count][];
        var size = 1 + 16 + 4;
        var names = protocols.Select(p => Encoding.UTF8.GetBytes(p.Name)).ToArray();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            serialized[i] = protocols.Select(p => frame.Message.GetSerializedMessage(p)).ToArray();
            size += 16 + 8 + 8 + 4 + (16 * frame.Recipients.Count) + 1;
            for (var p = 0; p < protocols.Count; p++)
            {
                size += 1 + names[p].Length + 4 + serialized[i][p].Length;
            }
        }

        var buffer = new byte[size];
        var span = buffer.AsSpan();
        span[0] = Version;
        node.TryWriteBytes(span[1..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[17..], frames.Count);
        var at = 21;
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            frame.RoomId.TryWriteBytes(span[at..]);
            BinaryPrimitives.WriteInt64LittleEndian(span[(at + 16)..], frame.FirstSeq);
            BinaryPrimitives.WriteInt64LittleEndian(span[(at + 24)..], frame.LastSeq);
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 32)..], frame.Recipients.Count);
            at += 36;
            foreach (var recipient in frame.Recipients)
            {
                recipient.TryWriteBytes(span[at..]);
                at += 16;
            }

            span[at++] = (byte)protocols.Count;
            for (var p = 0; p < protocols.Count; p++)
            {
                span[at++] = (byte)names[p].Length;
                names[p].CopyTo(span[at..]);
                at += names[p].Length;
                BinaryPrimitives.WriteInt32LittleEndian(span[at..], serialized[i][p].Length);
                at += 4;
                serialized[i][p].Span.CopyTo(span[at..]);
                at += serialized[i][p].Length;
            }
        }

        return buffer;
    }

    /// <summary>Reads a backplane message; throws <see cref="FormatException"/> when it is not one.</summary>
    public static (Guid Node, List<RoomFrame> Frames) Decode(ReadOnlyMemory<byte> message)
    {
        var span = message.Span;
        if (span.Length < 21 || span[0] != Version)
        {
            throw new FormatException("Not a room frame message of version 1.");
        }

        try
        {
            var node = new Guid(span.Slice(1, 16));
            var count = BinaryPrimitives.ReadInt32LittleEndian(span[17..]);
            var frames = new List<RoomFrame>(Math.Clamp(count, 0, 256));
            var at = 21;
            for (var i = 0; i < count; i++)
            {
                var roomId = new Guid(span.Slice(at, 16));
                var first = BinaryPrimitives.ReadInt64LittleEndian(span[(at + 16)..]);
                var last = BinaryPrimitives.ReadInt64LittleEndian(span[(at + 24)..]);
                var recipientCount = BinaryPrimitives.ReadInt32LittleEndian(span[(at + 32)..]);
                at += 36;
                if (recipientCount < 0 || recipientCount > (span.Length - at) / 16)
                {
                    throw new FormatException("A room frame message with a wrong recipient count.");
                }

                var recipients = new Guid[recipientCount];
                for (var r = 0; r < recipientCount; r++)
                {
                    recipients[r] = new Guid(span.Slice(at, 16));
                    at += 16;
                }

                var protocolCount = span[at++];
                var serialized = new List<SerializedMessage>(protocolCount);
                for (var p = 0; p < protocolCount; p++)
                {
                    var nameLength = span[at++];
                    var name = Encoding.UTF8.GetString(span.Slice(at, nameLength));
                    at += nameLength;
                    var length = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
                    at += 4;
                    serialized.Add(new SerializedMessage(name, message.Slice(at, length)));
                    at += length;
                }

                frames.Add(new RoomFrame(roomId, first, last, recipients, new SerializedHubMessage(serialized)));
            }

            return (node, frames);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new FormatException("A truncated room frame message.", ex);
        }
    }
}
