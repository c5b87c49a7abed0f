namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>Waits for something that happens in the background (outbox, Hangfire) with a timeout, never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task Async(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting" + (because is null ? "." : ": " + because));
            }

            await Task.Delay(100);
        }
    }
}
