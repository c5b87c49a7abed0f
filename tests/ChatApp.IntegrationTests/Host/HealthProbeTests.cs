using ChatApp.Host;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>`ChatApp.Host healthcheck`: the image's HEALTHCHECK, a GET of readiness from the host's own binary (no curl in the image).</summary>
public sealed class HealthProbeTests
{
    [Theory]
    [InlineData(null, "http://127.0.0.1:8080/health/ready")]
    [InlineData("8081", "http://127.0.0.1:8081/health/ready")]
    [InlineData("9000;9001", "http://127.0.0.1:9000/health/ready")]
    public void Without_an_address_it_asks_the_first_http_port_of_the_container(string? httpPorts, string expected)
    {
        Assert.True(HealthProbe.TryGetAddress([], httpPorts, out var address));
        Assert.Equal(new Uri(expected), address);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/health/ready")]
    public void A_bad_address_is_refused(string argument) => Assert.False(HealthProbe.TryGetAddress([argument], null, out _));

    [Fact]
    public async Task It_exits_0_for_a_ready_instance_and_1_once_the_instance_has_stopped()
    {
        var database = await Nodes.CreateDatabaseAsync("probe");
        try
        {
            var environment = Nodes.Environment(database, $"chatapp-test:{Guid.NewGuid():N}:", migrate: true);
            await using var node = await HostProcess.StartServerAsync(environment);
            var ready = new Uri(node.Address!, "/health/ready").ToString();

            var (up, upOutput) = await HostProcess.RunToExitAsync(["healthcheck", ready], []);
            Assert.True(up == 0, upOutput);

            var (exitCode, _) = await node.TerminateAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, exitCode);
            var (down, downOutput) = await HostProcess.RunToExitAsync(["healthcheck", ready], []);
            Assert.True(down == 1, downOutput);
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }
}
