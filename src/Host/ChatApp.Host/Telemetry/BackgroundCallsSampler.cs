using System.Diagnostics;
using OpenTelemetry.Trace;

namespace ChatApp.Host.Telemetry;

/// <summary>
/// The root sampler: keeps every trace except those that would start with a client call (a database query, a Redis
/// command, an outgoing HTTP request) made outside any request, hub call, outbox delivery or job. Those are the pollers
/// (outbox dispatchers, Hangfire's fetch loop, presence refresh): several a second on an idle node, and no one's request.
/// Spans with a parent follow the parent's decision (<see cref="ParentBasedSampler"/>).
/// </summary>
internal sealed class BackgroundCallsSampler : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);

    public BackgroundCallsSampler() => Description = nameof(BackgroundCallsSampler);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : Keep;
}
