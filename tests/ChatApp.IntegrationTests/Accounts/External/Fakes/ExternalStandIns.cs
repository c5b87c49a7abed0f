namespace ChatApp.IntegrationTests.Accounts.External.Fakes;

/// <summary>The four providers' stand-ins for one host, and the configuration that points the host at them.</summary>
public sealed class ExternalStandIns : IAsyncDisposable
{
    public const string AppleBundleId = "com.chatapp.ios";
    public const string AppleServicesId = "com.chatapp.web";
    public const string GoogleClientId = "1234567890-web.apps.googleusercontent.com";

    /// <summary>The largest provider picture the host fetches here (small, so a real JPEG can exceed it).</summary>
    public const int PictureMaxBytes = 256 * 1024;

    public FakeFacebookGraph Facebook { get; private set; } = null!;

    public FakeKakaoApi Kakao { get; private set; } = null!;

    public FakeOpenIdProvider Apple { get; private set; } = null!;

    public FakeOpenIdProvider Google { get; private set; } = null!;

    /// <summary>The picture CDN, the only picture origin of every provider here (the real CDNs are never asked).</summary>
    public FakePictureCdn Pictures { get; private set; } = null!;

    public async Task StartAsync()
    {
        Facebook = await FakeFacebookGraph.StartAsync();
        Kakao = await FakeKakaoApi.StartAsync();
        Apple = await FakeOpenIdProvider.StartAsync("https://appleid.apple.com", AppleBundleId);
        Google = await FakeOpenIdProvider.StartAsync("https://accounts.google.com", GoogleClientId);
        Pictures = await FakePictureCdn.StartAsync();
    }

    /// <summary>Settings for the host; <paramref name="socialGraphs"/> false leaves Facebook and Kakao unconfigured.</summary>
    public IReadOnlyDictionary<string, string> Settings(bool socialGraphs = true)
    {
        var settings = new Dictionary<string, string>
        {
            ["Accounts:External:Timeout"] = "00:00:02",
            ["Accounts:External:JwksMinRefetchInterval"] = "01:00:00",
            ["Accounts:External:Apple:ClientIds:0"] = AppleBundleId,
            ["Accounts:External:Apple:ClientIds:1"] = AppleServicesId,
            ["Accounts:External:Apple:JwksUrl"] = Apple.JwksUrl.ToString(),
            ["Accounts:External:Google:ClientIds:0"] = GoogleClientId,
            ["Accounts:External:Google:JwksUrl"] = Google.JwksUrl.ToString(),
            ["Accounts:External:PictureTimeout"] = "00:00:02",
            ["Accounts:External:PicturesFromPrivateAddresses"] = "true", // the CDN stand-in listens on 127.0.0.1
            ["Accounts:External:PictureRetryDelay"] = "00:00:00.200",
            ["Accounts:External:PictureMaxBytes"] = PictureMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var provider in new[] { "Facebook", "Kakao", "Apple", "Google" })
        {
            settings[$"Accounts:External:{provider}:PictureOrigins:0"] = Pictures.Origin;
        }

        if (socialGraphs)
        {
            foreach (var (key, value) in Facebook.Settings.Concat(Kakao.Settings))
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    /// <summary>No faults, no outage (keys stay as they are).</summary>
    public void Reset()
    {
        Facebook.Reset();
        Kakao.Reset();
        Apple.Outage = false;
        Google.Outage = false;
        Pictures.FailuresLeft = 0;
    }

    public async ValueTask DisposeAsync()
    {
        await Facebook.DisposeAsync();
        await Kakao.DisposeAsync();
        await Apple.DisposeAsync();
        await Google.DisposeAsync();
        await Pictures.DisposeAsync();
    }
}
