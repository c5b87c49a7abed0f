using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Chat.Search;

/// <summary>
/// MariaDB with message search forced onto its bounded fallback: no FULLTEXT statement (time limit zero, as when it is
/// cut off) and 3 index rows scanned per request.
/// </summary>
public sealed class ScanOnlySearchFactory : ChatAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Chat:SearchScanRows", "3");
        builder.UseSetting("Chat:SearchFullTextTimeLimit", "00:00:00");
    }
}
