using ChatApp.IntegrationTests.Accounts.External.Fakes;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.External;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Accounts.External;

/// <summary>
/// Provider pictures are fetched from public addresses only: a picture origin whose host is this machine (here the CDN
/// stand-in on 127.0.0.1) is never connected to unless <c>Accounts:External:PicturesFromPrivateAddresses</c> allows it.
/// The real HTTP client registration of the Accounts module is used.
/// </summary>
public sealed class PictureAddressTests
{
    [Fact]
    public async Task A_picture_on_a_loopback_address_is_refused_without_a_request_unless_private_addresses_are_allowed()
    {
        await using var cdn = await FakePictureCdn.StartAsync();
        var picture = cdn.Publish(TestImages.Solid(64, 64, SKColors.Red));
        var localhost = new UriBuilder(picture) { Host = "localhost" }.Uri; // by name: refused after DNS

        await using (var strict = Pictures(cdn, allowPrivate: false))
        {
            var pictures = strict.GetRequiredService<ProviderPictures>();
            var byAddress = await pictures.FetchAsync("facebook", picture, CancellationToken.None);
            var byName = await pictures.FetchAsync("kakao", localhost, CancellationToken.None);

            Assert.Equal((null, false), (byAddress.Content, byAddress.Transient));
            Assert.Contains("no public address", byAddress.Failure, StringComparison.Ordinal);
            Assert.Equal((null, false), (byName.Content, byName.Transient));
            Assert.Contains("localhost has no public address", byName.Failure, StringComparison.Ordinal);
            Assert.Equal(0, cdn.RequestsFor(picture));
        }

        await using (var lenient = Pictures(cdn, allowPrivate: true))
        {
            var fetched = await lenient.GetRequiredService<ProviderPictures>().FetchAsync("facebook", picture, CancellationToken.None);

            Assert.NotNull(fetched.Content);
            Assert.Equal(1, cdn.RequestsFor(picture));
        }
    }

    private static ServiceProvider Pictures(FakePictureCdn cdn, bool allowPrivate)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Accounts:External:PicturesFromPrivateAddresses"] = allowPrivate ? "true" : "false",
            ["Accounts:External:Facebook:PictureOrigins:0"] = cdn.Origin,
            ["Accounts:External:Kakao:PictureOrigins:0"] = $"{cdn.BaseAddress.Scheme}://localhost:{cdn.BaseAddress.Port}",
        }).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddExternalSignIn().BuildServiceProvider();
    }
}
