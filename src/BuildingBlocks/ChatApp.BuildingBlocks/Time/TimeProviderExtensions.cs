namespace ChatApp.BuildingBlocks.Time;

public static class TimeProviderExtensions
{
    /// <summary>
    /// Now in UTC at the precision the databases keep (microseconds: MySQL <c>datetime(6)</c>), so a value returned
    /// right after storing it equals the value read back later.
    /// </summary>
    public static DateTime GetUtcNowForStorage(this TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % 10));
    }
}
