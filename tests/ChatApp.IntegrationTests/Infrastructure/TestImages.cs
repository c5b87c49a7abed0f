using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>Images made for the tests (no fixtures on disk): solid colours, halves, quadrants, EXIF and hostile headers.</summary>
public static class TestImages
{
    public static byte[] Solid(int width, int height, SKColor color, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg) =>
        Draw(width, height, format, canvas => canvas.Clear(color));

    /// <summary>Left half <paramref name="left"/>, right half <paramref name="right"/>.</summary>
    public static byte[] Halves(int width, int height, SKColor left, SKColor right, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg) =>
        Draw(width, height, format, canvas =>
        {
            canvas.Clear(right);
            using var paint = new SKPaint { Color = left };
            canvas.DrawRect(0, 0, width / 2f, height, paint);
        });

    /// <summary>Quadrants: top-left red, top-right green, bottom-left blue, bottom-right yellow.</summary>
    public static byte[] Quadrants(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png) =>
        Draw(width, height, format, canvas =>
        {
            void Fill(float x, float y, SKColor color)
            {
                using var paint = new SKPaint { Color = color };
                canvas.DrawRect(x, y, width / 2f, height / 2f, paint);
            }

            Fill(0, 0, SKColors.Red);
            Fill(width / 2f, 0, SKColors.Lime);
            Fill(0, height / 2f, SKColors.Blue);
            Fill(width / 2f, height / 2f, SKColors.Yellow);
        });

    public static byte[] Draw(int width, int height, SKEncodedImageFormat format, Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            draw(canvas);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>
    /// The JPEG with an EXIF segment added: the given orientation, a camera make ("SecretCam") and a GPS position
    /// (latitude 37° N), the kind of metadata that must never reach a stored variant.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)(v >> 8)); tiff.Add((byte)v); }
        void U32(int v) { U16(v >> 16); U16(v & 0xFFFF); }
        tiff.AddRange("MM"u8.ToArray());
        U16(42);
        U32(8);
        // IFD0 at 8: three entries, then next-IFD 0.
        const int ifd0Entries = 3;
        var ifd0End = 8 + 2 + (ifd0Entries * 12) + 4;
        var makeOffset = ifd0End;
        var make = Encoding.ASCII.GetBytes("SecretCam\0");
        var gpsOffset = makeOffset + make.Length;
        U16(ifd0Entries);
        U16(0x010F); U16(2); U32(make.Length); U32(makeOffset);       // Make
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);           // Orientation
        U16(0x8825); U16(4); U32(1); U32(gpsOffset);                     // GPS IFD pointer
        U32(0);
        tiff.AddRange(make);
        // GPS IFD: latitude ref 'N' and latitude 37/1, 30/1, 0/1.
        var rationalsOffset = gpsOffset + 2 + (2 * 12) + 4;
        U16(2);
        U16(0x0001); U16(2); U32(2); tiff.Add((byte)'N'); tiff.Add(0); U16(0);
        U16(0x0002); U16(5); U32(3); U32(rationalsOffset);
        U32(0);
        U32(37); U32(1); U32(30); U32(1); U32(0); U32(1);

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return jpeg[..2].Concat(segment).Concat(jpeg[2..]).ToArray();
    }

    /// <summary>A well-formed PNG whose header claims <paramref name="width"/> x <paramref name="height"/> pixels (a decompression bomb's header).</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = new List<byte>(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        void Chunk(string type, byte[] data)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
            png.AddRange(length);
            var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            png.AddRange(typed);
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typed));
            png.AddRange(crc);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk("IHDR", header);
        Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk("IEND", []);
        return png.ToArray();
    }

    /// <summary>A ZIP archive's bytes (one file), to append to an image for a JPEG+ZIP polyglot.</summary>
    public static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("payload.html").Open());
            writer.Write("<html><script>alert(1)</script></html>");
        }

        return stream.ToArray();
    }

    public static SKColor PixelAt(byte[] encoded, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(encoded) ?? throw new InvalidOperationException("Not an image.");
        return bitmap.GetPixel(x, y);
    }

    /// <summary>True when the colours are within <paramref name="tolerance"/> per channel (JPEG is lossy).</summary>
    public static bool Near(SKColor actual, SKColor expected, int tolerance = 40) =>
        Math.Abs(actual.Red - expected.Red) <= tolerance
        && Math.Abs(actual.Green - expected.Green) <= tolerance
        && Math.Abs(actual.Blue - expected.Blue) <= tolerance;
}
