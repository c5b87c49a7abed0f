using ChatApp.Modules.Chat;
using ChatApp.Modules.Chat.Features.SendMessage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatApp.UnitTests.Chat.SendMessage;

public sealed class ServerLagTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Disposing_while_a_probe_is_still_waiting_for_a_thread_ends_the_probe_thread_quietly()
    {
        // A starved pool: probes are taken but never run, so the probe thread sits in its wait when the host stops.
        var queued = new SemaphoreSlim(0);
        var lag = new ServerLag(Options.Create(new ChatOptions { OverloadLag = TimeSpan.FromMilliseconds(20) }), NullLogger<ServerLag>.Instance, _ => queued.Release());

        Assert.True(await queued.WaitAsync(Patience));
        // The probe thread records the time waited so far when OverloadLag passes, then waits on for the late probe.
        Assert.True(await Eventually(() => lag.Lag >= TimeSpan.FromMilliseconds(20)));
        lag.Dispose();

        // Before the fix the wait threw OperationCanceledException on its own thread, which ends the whole process.
        Assert.True(lag.WaitForExit(Patience));
    }

    [Fact]
    public async Task Probes_that_wait_longer_than_the_overload_lag_three_times_in_a_row_mark_the_node_overloaded_and_quick_ones_clear_it()
    {
        long delayMs = 80;
        using var lag = new ServerLag(
            Options.Create(new ChatOptions { OverloadLag = TimeSpan.FromMilliseconds(30) }),
            NullLogger<ServerLag>.Instance,
            probe => _ = Task.Delay(TimeSpan.FromMilliseconds(Volatile.Read(ref delayMs))).ContinueWith(_ => probe(), TaskScheduler.Default));

        Assert.True(await Eventually(() => lag.Overloaded));
        Assert.True(lag.Lag >= TimeSpan.FromMilliseconds(30));

        Volatile.Write(ref delayMs, 0);
        Assert.True(await Eventually(() => !lag.Overloaded));
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(10);
        }

        return false;
    }
}
