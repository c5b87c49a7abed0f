using System.Diagnostics;

namespace ChatApp.LoadTest;

/// <summary>The phases of sending laid on the clock: when each begins and ends, and which stretch is measured.</summary>
internal sealed class SendPlan(IReadOnlyList<LoadPhase> phases, long start)
{
    public IReadOnlyList<LoadPhase> Phases { get; } = phases;

    /// <summary>When sending starts (Stopwatch ticks).</summary>
    public long Start { get; } = start;

    public long End => PhaseSpan(Phases.Count - 1).To;

    /// <summary>From the start of the first measured phase.</summary>
    public long MeasureFrom => PhaseSpan(Phases.ToList().FindIndex(p => p.Measured)).From;

    /// <summary>To the end of the last measured phase.</summary>
    public long MeasureUntil => PhaseSpan(Phases.ToList().FindLastIndex(p => p.Measured)).To;

    public (long From, long To) PhaseSpan(int index)
    {
        var from = Phases.Take(index).Sum(p => p.Seconds);
        return (At(from), At(from + Phases[index].Seconds));
    }

    /// <summary>The stage name of a phase in the time series ("wu": warm-up, not measured).</summary>
    public string StageName(int index) => Phases[index] switch
    {
        { Rate: 0 } => "pause",
        var p => Stats.Invariant($"{p.Rate:0.##}/s") + (p.Measured ? "" : " wu"),
    };

    public long At(double seconds) => Start + (long)(seconds * Stopwatch.Frequency);
}
