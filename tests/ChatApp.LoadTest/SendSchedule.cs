namespace ChatApp.LoadTest;

/// <summary>
/// When one client's messages are due, open loop: in each phase the k-th message is due at the phase's start plus
/// (k + offset) / rate seconds, whatever the server did with the earlier ones. The offset (0..1) spreads the clients.
/// </summary>
internal sealed class SendSchedule(IReadOnlyList<LoadPhase> phases, double offset)
{
    private int _phase;
    private double _phaseStart;
    private long _k;

    /// <summary>Seconds from the start of sending at which the next message is due; infinity once all phases are over.</summary>
    public double NextDue { get; private set; } = double.NegativeInfinity;

    /// <summary>Moves to the next due message and returns its due time (seconds from the start of sending).</summary>
    public double Advance()
    {
        while (_phase < phases.Count)
        {
            var phase = phases[_phase];
            if (phase.Rate > 0)
            {
                var due = _phaseStart + ((_k + offset) / phase.Rate);
                if (due < _phaseStart + phase.Seconds)
                {
                    _k++;
                    return NextDue = due;
                }
            }

            _phaseStart += phase.Seconds;
            _phase++;
            _k = 0;
        }

        return NextDue = double.PositiveInfinity;
    }

    /// <summary>Messages one client sends over all phases (an upper bound, to size its arrays).</summary>
    public static int Capacity(IReadOnlyList<LoadPhase> phases) => (int)phases.Sum(p => Math.Ceiling(p.Seconds * p.Rate) + 1) + 16;
}
