using System.Net;
using ChatApp.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatApp.IntegrationTests.Host;

/// <summary>
/// X-Forwarded-For / X-Forwarded-Proto are believed only from the proxies in <c>ForwardedHeaders:KnownProxies</c> or
/// <c>ForwardedHeaders:KnownNetworks</c>, and only their last entry (the one the proxy added); with nothing configured
/// no one is trusted. Checked on a real Kestrel server with the host's own middleware set-up, from 127.0.0.1.
/// </summary>
public sealed class TrustedProxiesTests
{
    private const string Client = "203.0.113.7";

    [Fact]
    public async Task With_nothing_configured_a_client_cannot_choose_its_address_or_scheme()
    {
        Assert.Equal("127.0.0.1 http", await SeenAsync([], Client));
    }

    [Fact]
    public async Task From_a_known_proxy_the_forwarded_address_and_scheme_are_taken()
    {
        Assert.Equal($"{Client} https", await SeenAsync(new() { ["ForwardedHeaders:KnownProxies"] = "10.1.2.3, 127.0.0.1" }, Client));
        Assert.Equal($"{Client} https", await SeenAsync(new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" }, Client));
    }

    [Fact]
    public async Task From_a_known_network_the_forwarded_address_is_taken()
    {
        Assert.Equal($"{Client} https", await SeenAsync(new() { ["ForwardedHeaders:KnownNetworks"] = "127.0.0.0/8" }, Client));
    }

    [Fact]
    public async Task Only_the_entry_the_proxy_added_counts_so_a_forged_one_in_front_of_it_does_not()
    {
        Assert.Equal($"{Client} https", await SeenAsync(new() { ["ForwardedHeaders:KnownProxies"] = "127.0.0.1" }, $"198.51.100.1, {Client}"));
    }

    [Fact]
    public async Task From_an_address_that_is_not_a_known_proxy_the_headers_are_ignored()
    {
        Assert.Equal("127.0.0.1 http", await SeenAsync(new() { ["ForwardedHeaders:KnownProxies"] = "10.1.2.3", ["ForwardedHeaders:KnownNetworks"] = "192.168.0.0/16" }, Client));
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies", "nginx")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/33")]
    public void A_value_that_is_not_an_address_stops_the_start_naming_the_setting(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => TrustedProxies.OptionsFrom(configuration));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    /// <summary>What a server set up like the host sees of a request from 127.0.0.1 carrying <paramref name="forwardedFor"/>.</summary>
    private static async Task<string> SeenAsync(Dictionary<string, string?> settings, string forwardedFor)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.UseTrustedProxies();
        app.Run(context => context.Response.WriteAsync($"{context.Connection.RemoteIpAddress} {context.Request.Scheme}"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await response.Content.ReadAsStringAsync();
        await app.StopAsync();
        return seen;
    }
}
