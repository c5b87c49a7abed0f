using System.Net;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Features.PurgeExpiredSessions;
using ChatApp.Modules.Accounts.Persistence;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Accounts;

public sealed class MaintenanceJobTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public void The_purge_job_is_scheduled_on_the_real_hangfire_storage()
    {
        using var connection = Factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == PurgeExpiredSessionsJob.RecurringJobId);
        Assert.Equal("0 * * * *", job.Cron);
    }

    [Fact]
    public async Task The_job_run_by_hangfire_removes_long_ended_sessions_and_keeps_live_ones()
    {
        var user = await Api.NewUserAsync();
        var old = await Api.LoginAsync(user.Email, deviceName: "old phone");
        await Api.As(old.AccessToken).PostAsync("/api/v1/accounts/logout", null);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            DateTime? longAgo = DateTime.UtcNow.AddDays(-30);
            await db.Sessions.Where(s => s.Id == old.SessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, longAgo));
        }

        Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(PurgeExpiredSessionsJob.RecurringJobId);

        await WaitUntilAsync(async db => !await db.Sessions.AnyAsync(s => s.Id == old.SessionId));
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            Assert.False(await db.RefreshTokens.AnyAsync(t => t.SessionId == old.SessionId));
            Assert.True(await db.Sessions.AnyAsync(s => s.Id == user.Tokens.SessionId));
        }

        Assert.Equal(HttpStatusCode.OK, (await Api.PostRefreshAsync(user.Tokens.RefreshToken)).StatusCode);
    }

    private async Task WaitUntilAsync(Func<AccountsDbContext, Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using (var scope = Factory.Services.CreateAsyncScope())
            {
                if (await condition(scope.ServiceProvider.GetRequiredService<AccountsDbContext>()))
                {
                    return;
                }
            }

            if (timeout.IsCancellationRequested)
            {
                Assert.Fail("The purge did not happen within 30 s. Hangfire says: " + DescribeJobs());
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    private string DescribeJobs()
    {
        var monitor = Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var failed = monitor.FailedJobs(0, 10).Select(j => $"failed {j.Value.Job?.Type.Name}: {j.Value.ExceptionMessage}");
        var processing = monitor.ProcessingJobs(0, 10).Select(j => $"processing {j.Value.Job?.Type.Name}");
        var scheduled = monitor.ScheduledJobs(0, 10).Select(j => $"scheduled {j.Value.Job?.Type.Name} at {j.Value.EnqueueAt:O}");
        var servers = monitor.Servers().Select(s => $"server {s.Name} workers {s.WorkersCount} queues {string.Join(",", s.Queues)}");
        return string.Join("; ", failed.Concat(processing).Concat(scheduled).Concat(servers)) + $"; enqueued {monitor.EnqueuedCount("default")}, succeeded {monitor.SucceededListCount()}";
    }
}
