using System.Collections.Concurrent;
using System.Net.Http.Json;
using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Accounts.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatApp.IntegrationTests.BuildingBlocks;

/// <summary>Records what consuming modules' handlers received; the flaky handler fails the first delivery of each event.</summary>
public sealed class OutboxProbe
{
    public ConcurrentDictionary<Guid, int> FlakyCalls { get; } = new();

    public ConcurrentDictionary<Guid, int> SteadyCalls { get; } = new();

    public ConcurrentQueue<UserProfileUpdatedIntegrationEvent> ProfileUpdates { get; } = new();
}

public sealed class FlakyRegisteredHandler(OutboxProbe probe) : IIntegrationEventHandler<UserRegisteredIntegrationEvent>
{
    public Task HandleAsync(UserRegisteredIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var calls = probe.FlakyCalls.AddOrUpdate(integrationEvent.UserId, 1, (_, n) => n + 1);
        return calls == 1 ? throw new InvalidOperationException("boom: first delivery fails") : Task.CompletedTask;
    }
}

public sealed class SteadyRegisteredHandler(OutboxProbe probe) : IIntegrationEventHandler<UserRegisteredIntegrationEvent>
{
    public Task HandleAsync(UserRegisteredIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        probe.SteadyCalls.AddOrUpdate(integrationEvent.UserId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

public sealed class ProfileUpdatedRecorder(OutboxProbe probe) : IIntegrationEventHandler<UserProfileUpdatedIntegrationEvent>
{
    public Task HandleAsync(UserProfileUpdatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        probe.ProfileUpdates.Enqueue(integrationEvent);
        return Task.CompletedTask;
    }
}

public sealed class OutboxFactory : ChatAppFactory
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<OutboxProbe>();
        services.AddScoped<IIntegrationEventHandler<UserRegisteredIntegrationEvent>, FlakyRegisteredHandler>();
        services.AddScoped<IIntegrationEventHandler<UserRegisteredIntegrationEvent>, SteadyRegisteredHandler>();
        services.AddScoped<IIntegrationEventHandler<UserProfileUpdatedIntegrationEvent>, ProfileUpdatedRecorder>();
    }
}

public sealed class OutboxTests(OutboxFactory factory) : IntegrationTest<OutboxFactory>(factory)
{
    private OutboxProbe Probe => Factory.Services.GetRequiredService<OutboxProbe>();

    [Fact]
    public async Task An_event_whose_first_dispatch_fails_is_delivered_exactly_once_to_every_handler()
    {
        var userId = await Api.RegisterAsync(AccountsApi.UniqueEmail(), displayName: "Ann");

        var message = await WaitForProcessedAsync(nameof(UserRegisteredIntegrationEvent));

        Assert.Equal(1, message.Attempts);
        Assert.Contains("boom: first delivery fails", message.LastError, StringComparison.Ordinal);
        Assert.Equal(2, Probe.FlakyCalls[userId]); // failed once, then succeeded once
        Assert.Equal(1, Probe.SteadyCalls[userId]); // not repeated by the retry

        // Another dispatch pass (as another node would run) finds nothing to deliver.
        var dispatcher = Factory.Services.GetServices<IHostedService>().OfType<OutboxDispatcher<AccountsDbContext>>().Single();
        Assert.Equal(0, await dispatcher.DispatchBatchAsync(CancellationToken.None));
        Assert.Equal(2, Probe.FlakyCalls[userId]);
        Assert.Equal(1, Probe.SteadyCalls[userId]);
    }

    [Fact]
    public async Task Changing_a_profile_publishes_the_new_public_profile_once()
    {
        var user = await Api.NewUserAsync("Ann");

        await Api.As(user).PatchAsJsonAsync("/api/v1/accounts/me", new { displayName = "Annie", bio = "hello" });
        await Api.As(user).PatchAsJsonAsync("/api/v1/accounts/me", new { displayName = "Annie", bio = "hello" }); // no change, no event

        await WaitForProcessedAsync(nameof(UserProfileUpdatedIntegrationEvent));
        var update = Assert.Single(Probe.ProfileUpdates, e => e.UserId == user.Id);
        Assert.Equal("Annie", update.DisplayName);
        Assert.Equal("hello", update.Bio);
    }

    [Fact]
    public async Task A_failed_registration_publishes_nothing()
    {
        var email = AccountsApi.UniqueEmail();
        await Api.RegisterAsync(email);
        await WaitForProcessedAsync(nameof(UserRegisteredIntegrationEvent));

        await Api.PostRegisterAsync(new { email, password = AccountsApi.Password, displayName = "Dup" });
        await Api.PostRegisterAsync(new { email = AccountsApi.UniqueEmail(), password = "weak", displayName = "Weak" });

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        // The one registration that succeeded: its UserRegistered event and its verification mail's request.
        Assert.Equal(2, await db.Set<OutboxMessage>().CountAsync());
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Type.Contains(nameof(UserRegisteredIntegrationEvent))));
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email != ChatAppFactory.AdminEmail));
    }

    private async Task<OutboxMessage> WaitForProcessedAsync(string eventName)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            await using (var scope = Factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
                var message = await db.Set<OutboxMessage>().AsNoTracking()
                    .Where(m => m.Type.Contains(eventName) && m.ProcessedAt != null)
                    .FirstOrDefaultAsync(timeout.Token);
                if (message is not null)
                {
                    return message;
                }
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
