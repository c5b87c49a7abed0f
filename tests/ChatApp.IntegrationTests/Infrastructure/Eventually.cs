namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>Waits for something that happens in the background (outbox, Hangfire) with a timeout, never a fixed sleep.</summary>
public static class Eventually
{
    public static Task Async(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null) =>
        WaitAsync(condition, timeout ?? TimeSpan.FromSeconds(20), () => because is null ? "." : ": " + because);

    /// <summary>The same, for a condition on what the test has collected; <paramref name="describe"/> says, on failure, what it had by then.</summary>
    public static Task Async(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        WaitAsync(() => Task.FromResult(condition()), timeout, () => ": " + describe());

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting" + failure());
            }

            await Task.Delay(100);
        }
    }
}
