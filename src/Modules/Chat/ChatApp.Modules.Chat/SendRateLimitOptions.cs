namespace ChatApp.Modules.Chat;

internal sealed class SendRateLimitOptions
{
    public int Burst { get; set; } = 20;

    public int PerPeriod { get; set; } = 5;

    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);
}
