using System.Diagnostics;
using ChatApp.Host.Telemetry;
using OpenTelemetry.Trace;

namespace ChatApp.IntegrationTests.Host.Telemetry;

/// <summary>Background polls start no trace; everything else, and every call inside a trace, is kept.</summary>
public sealed class BackgroundCallsSamplerTests
{
    private static readonly Sampler Sampler = new ParentBasedSampler(new BackgroundCallsSampler());
    private static readonly ActivityContext SampledParent = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: false);

    [Theory]
    [InlineData(ActivityKind.Client, false, SamplingDecision.Drop)]
    [InlineData(ActivityKind.Server, false, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityKind.Internal, false, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityKind.Consumer, false, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityKind.Client, true, SamplingDecision.RecordAndSample)]
    public void A_client_call_is_traced_only_inside_a_trace(ActivityKind kind, bool inTrace, SamplingDecision expected)
    {
        var parameters = new SamplingParameters(inTrace ? SampledParent : default, ActivityTraceId.CreateRandom(), "SELECT", kind);

        Assert.Equal(expected, Sampler.ShouldSample(parameters).Decision);
    }
}
