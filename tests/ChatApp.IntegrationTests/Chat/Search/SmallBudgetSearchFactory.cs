using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Chat.Search;

/// <summary>MariaDB with message search's block budget at 2 blocks per request, so pages are cut short by it.</summary>
public sealed class SmallBudgetSearchFactory : ChatAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Chat:SearchBlockBudget", "2");
    }
}
