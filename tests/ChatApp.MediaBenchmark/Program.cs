using System.Diagnostics;
using System.Globalization;
using ChatApp.Modules.Media.Contracts;
using ChatApp.Modules.Media.Processing;
using SkiaSharp;

// Media pipeline benchmark (docs/performance.md). Usage:
//   dotnet ChatApp.MediaBenchmark.dll --mode decode|chat|avatar [--iterations N] [--megapixels 12] [--quality 82] [--file photo.jpg]
// Each mode should run in a fresh process so that its peak memory is its own; tests/load/media-benchmark.sh does that.
var mode = Arg("--mode", "chat");
var iterations = int.Parse(Arg("--iterations", "15"), CultureInfo.InvariantCulture);
var megapixels = double.Parse(Arg("--megapixels", "12"), CultureInfo.InvariantCulture);
var quality = int.Parse(Arg("--quality", "82"), CultureInfo.InvariantCulture);
var file = Arg("--file", "");

var jpeg = file.Length > 0 ? File.ReadAllBytes(file) : PhotoLikeJpeg(megapixels);
using (var probe = SKCodec.Create(new MemoryStream(jpeg)))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"input: {probe.Info.Width}x{probe.Info.Height} JPEG, {jpeg.Length / 1024.0 / 1024.0:F2} MiB; mode {mode}; quality {quality}; {iterations} runs"));
}

GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
// Reset the kernel's peak-RSS mark so the peak below is the work's, not the test image's generation.
File.WriteAllText("/proc/self/clear_refs", "5");
var baseline = Rss();
var processor = new ImageProcessor(40_000_000, quality);
var times = new List<double>();
long outputBytes = 0;
for (var i = 0; i < iterations + 2; i++)
{
    var started = Stopwatch.GetTimestamp();
    switch (mode)
    {
        case "decode":
            using (var bitmap = SKBitmap.Decode(jpeg) ?? throw new InvalidOperationException("decode failed"))
            {
                outputBytes = bitmap.ByteCount;
            }

            break;
        case "chat" or "avatar":
            var result = processor.Process(jpeg, mode == "chat" ? MediaPurpose.Chat : MediaPurpose.Avatar, null);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException(result.Error.Code);
            }

            outputBytes = result.Value.Variants.Sum(v => (long)v.Bytes.Length);
            if (i == 0)
            {
                Console.WriteLine("variants: " + string.Join(", ", result.Value.Variants.Select(v => $"{v.Name} {v.Width}x{v.Height} {v.Bytes.Length / 1024.0:F0} KiB")));
            }

            break;
        default:
            throw new ArgumentException("mode must be decode, chat or avatar");
    }

    if (i >= 2)
    {
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); // the first two runs warm up the JIT
    }
}

times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{mode}: median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms; output {outputBytes / 1024.0:F0} KiB; " +
    $"peak RSS {PeakRss() / 1048576.0:F0} MiB (baseline before work {baseline / 1048576.0:F0} MiB, so +{(PeakRss() - baseline) / 1048576.0:F0} MiB)"));
return 0;

string Arg(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

static long Rss() => Status("VmRSS:");

static long PeakRss() => Status("VmHWM:");

static long Status(string field) =>
    long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

// A 4:3 image with gradients, shapes and sensor-like noise, encoded at quality 92 like a phone camera: smooth areas
// alone would decode unrealistically fast.
static byte[] PhotoLikeJpeg(double megapixels)
{
    var width = (int)Math.Round(Math.Sqrt(megapixels * 1_000_000 * 4 / 3));
    var height = width * 3 / 4;
    using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
    using (var canvas = new SKCanvas(bitmap))
    {
        using var sky = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [new SKColor(90, 140, 220), new SKColor(230, 200, 160)], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, width, height, sky);
        var random = new Random(42);
        for (var i = 0; i < 400; i++)
        {
            using var paint = new SKPaint { Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 200), IsAntialias = true };
            canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(10, width / 8), paint);
        }

        using var noise = new SKPaint { Shader = SKShader.CreatePerlinNoiseFractalNoise(0.8f, 0.8f, 2, 1), BlendMode = SKBlendMode.Overlay };
        canvas.DrawRect(0, 0, width, height, noise);
    }

    using var image = SKImage.FromBitmap(bitmap);
    using var data = image.Encode(SKEncodedImageFormat.Jpeg, 92);
    return data.ToArray();
}
