using System.Buffers.Binary;
using SkiaSharp;

namespace ChatApp.Modules.Media.Processing;

/// <summary>
/// Finds where an image's container really ends, to refuse polyglots: files that are a valid image and, through data
/// appended after the image, also a ZIP/JAR, PDF, HTML or script. Trailers that phones legitimately write after a JPEG
/// are allowed: further JPEGs (the Multi-Picture Format of HDR and depth images), an MP4 (motion photos) and padding.
/// </summary>
internal static class ImageContainer
{
    public static bool HasTrailingData(ReadOnlySpan<byte> data, SKEncodedImageFormat format)
    {
        var end = format switch
        {
            SKEncodedImageFormat.Jpeg => JpegEnd(data),
            SKEncodedImageFormat.Png => PngEnd(data),
            SKEncodedImageFormat.Webp => WebpEnd(data),
            _ => data.Length,
        };

        // A container that ends early or not at all is for the decoder to judge (truncated: refused there).
        if (end < 0 || end >= data.Length)
        {
            return false;
        }

        var trailer = data[end..];
        return format != SKEncodedImageFormat.Jpeg || !IsBenignJpegTrailer(trailer);
    }

    private static bool IsBenignJpegTrailer(ReadOnlySpan<byte> trailer)
    {
        if (trailer.IndexOfAnyExcept((byte)0x00, (byte)0xFF) < 0)
        {
            return true; // padding
        }

        var contentStart = trailer.IndexOfAnyExcept((byte)0x00);
        var content = trailer[contentStart..];
        var isJpeg = content.Length > 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF;
        var isMp4 = content.Length > 12 && content.Slice(4, 4).SequenceEqual("ftyp"u8);
        return (isJpeg || isMp4) && !ContainsForeignSignature(content);
    }

    /// <summary>Formats that make a file something else as well: a ZIP directory, a PDF, markup or a script.</summary>
    private static bool ContainsForeignSignature(ReadOnlySpan<byte> content) =>
        content.IndexOf("PK\u0005\u0006"u8) >= 0 || content.IndexOf("%PDF"u8) >= 0
        || content.IndexOf("<script"u8) >= 0 || content.IndexOf("<?php"u8) >= 0 || content.IndexOf("<html"u8) >= 0;

    /// <summary>Offset just after the JPEG's End Of Image marker, walking the segment structure; -1 if it never ends.</summary>
    private static int JpegEnd(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            return -1;
        }

        var i = 2;
        while (i + 1 < data.Length)
        {
            if (data[i] != 0xFF)
            {
                return -1;
            }

            while (i + 1 < data.Length && data[i + 1] == 0xFF)
            {
                i++; // fill bytes
            }

            if (i + 1 >= data.Length)
            {
                return -1;
            }

            var marker = data[i + 1];
            i += 2;
            if (marker == 0xD9)
            {
                return i;
            }

            if (marker is 0x01 or >= 0xD0 and <= 0xD7)
            {
                continue; // markers without a length
            }

            if (i + 2 > data.Length)
            {
                return -1;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
            if (length < 2)
            {
                return -1;
            }

            i += length;
            if (marker == 0xDA)
            {
                // Entropy-coded data runs until a marker other than a stuffed 0xFF00 or a restart marker.
                while (i + 1 < data.Length && !(data[i] == 0xFF && data[i + 1] != 0x00 && data[i + 1] is not (>= 0xD0 and <= 0xD7)))
                {
                    i++;
                }
            }
        }

        return -1;
    }

    /// <summary>Offset just after the IEND chunk; -1 if there is none.</summary>
    private static int PngEnd(ReadOnlySpan<byte> data)
    {
        var i = 8;
        while (i + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
            if (length > int.MaxValue - 12 || i + 12L + length > data.Length)
            {
                return -1;
            }

            var isEnd = data.Slice(i + 4, 4).SequenceEqual("IEND"u8);
            i += 12 + (int)length;
            if (isEnd)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The RIFF container's declared end.</summary>
    private static int WebpEnd(ReadOnlySpan<byte> data)
    {
        if (data.Length < 12)
        {
            return -1;
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        return size > int.MaxValue - 9 ? -1 : 8 + (int)size + (int)(size & 1);
    }
}
