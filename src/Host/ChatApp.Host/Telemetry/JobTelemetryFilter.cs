using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Client;
using Hangfire.Server;

namespace ChatApp.Host.Telemetry;

/// <summary>
/// Carries trace context through Hangfire and counts job runs (ADR 0020). When a job is created inside a traced
/// activity, the client side stores that activity's W3C <c>traceparent</c> as a job parameter; the server side starts a
/// <c>job</c> span under it (source <c>ChatApp.Jobs</c>), so the job's database work appears in the trace of the request
/// that queued it; recurring jobs start their own trace. Runs and failures are counted on the meter <c>ChatApp.Jobs</c>
/// (<c>chatapp.jobs.runs</c> with tags <c>job</c> and <c>outcome</c>, <c>chatapp.jobs.duration</c>).
/// </summary>
internal sealed class JobTelemetryFilter : IClientFilter, IServerFilter
{
    public const string Name = "ChatApp.Jobs";
    private const string TraceParentParameter = "traceparent";
    private const string ActivityItem = "chatapp.activity";
    private const string StartedItem = "chatapp.started";

    private static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;

    public JobTelemetryFilter(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        _runs = meter.CreateCounter<long>("chatapp.jobs.runs", "{run}", "Job runs by job and outcome (succeeded, failed).");
        _duration = meter.CreateHistogram<double>("chatapp.jobs.duration", "ms", "Time a job run took, by job and outcome.");
    }

    public void OnCreating(CreatingContext context)
    {
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } current)
        {
            context.SetJobParameter(TraceParentParameter, current.Id);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        context.Items[StartedItem] = Stopwatch.GetTimestamp();
        if (!Source.HasListeners())
        {
            return;
        }

        ActivityContext.TryParse(context.GetJobParameter<string>(TraceParentParameter), traceState: null, isRemote: true, out var parent);
        var activity = Source.StartActivity("job " + JobName(context), ActivityKind.Consumer, parent);
        if (activity is not null)
        {
            activity.SetTag("chatapp.job.id", context.BackgroundJob.Id);
            activity.SetTag("chatapp.job.name", JobName(context));
            context.Items[ActivityItem] = activity;
        }
    }

    public void OnPerformed(PerformedContext context)
    {
        var failed = context.Exception is not null && !context.ExceptionHandled;
        var outcome = failed ? "failed" : "succeeded";
        var tags = new TagList { { "job", JobName(context) }, { "outcome", outcome } };
        _runs.Add(1, tags);
        if (context.Items.TryGetValue(StartedItem, out var started) && started is long timestamp)
        {
            _duration.Record(Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds, tags);
        }

        if (context.Items.TryGetValue(ActivityItem, out var item) && item is Activity activity)
        {
            if (failed)
            {
                activity.SetStatus(ActivityStatusCode.Error, context.Exception!.GetType().Name);
            }

            activity.Dispose();
        }
    }

    private static string JobName(PerformContext context) =>
        context.BackgroundJob.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : "unknown";
}
