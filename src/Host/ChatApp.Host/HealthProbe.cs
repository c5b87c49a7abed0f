namespace ChatApp.Host;

/// <summary>
/// The <c>healthcheck</c> verb: one GET of a running instance's readiness endpoint, exit code 0 when it answers 2xx and 1
/// otherwise (refused, timed out, 503). It builds no host, so it starts fast and touches no database; the container
/// image runs it as its HEALTHCHECK because the ASP.NET base images carry no curl or wget.
/// The address is the argument if one is given, else <c>http://127.0.0.1:{first of ASPNETCORE_HTTP_PORTS}/health/ready</c>
/// (8080, the image's port, when that variable is not set).
/// </summary>
internal static class HealthProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] arguments, TextWriter output)
    {
        if (!TryGetAddress(arguments, Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"), out var address))
        {
            await output.WriteLineAsync("usage: ChatApp.Host healthcheck [http://host:port/health/ready]");
            return 2;
        }

        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(address);
            await output.WriteLineAsync($"{address}: {(int)response.StatusCode} {response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"{address}: {exception.Message}");
            return 1;
        }
    }

    internal static bool TryGetAddress(string[] arguments, string? httpPorts, out Uri address)
    {
        if (arguments.Length > 0)
        {
            return Uri.TryCreate(arguments[0], UriKind.Absolute, out address!) && address.Scheme is "http" or "https";
        }

        var first = httpPorts?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var port = 8080;
        if (first is not null && !int.TryParse(first, out port))
        {
            address = null!;
            return false;
        }

        address = new Uri($"http://127.0.0.1:{port}/health/ready");
        return true;
    }
}
