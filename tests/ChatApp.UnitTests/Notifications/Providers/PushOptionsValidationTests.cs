using System.Security.Cryptography;
using ChatApp.Modules.Notifications.Providers;
using ChatApp.Modules.Notifications.Providers.Apns;
using ChatApp.Modules.Notifications.Providers.Fcm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatApp.UnitTests.Notifications.Providers;

public sealed class PushOptionsValidationTests
{
    [Fact]
    public void No_push_configuration_at_all_is_valid_and_leaves_both_services_off()
    {
        Assert.True(new ApnsOptionsValidator().Validate(null, new ApnsOptions()).Succeeded);
        Assert.True(new FcmOptionsValidator().Validate(null, new FcmOptions()).Succeeded);
        Assert.False(new ApnsOptions().IsConfigured);
        Assert.False(new FcmOptions().IsConfigured);
    }

    [Fact]
    public void An_APNs_key_without_its_key_id_and_team_id_refuses_to_start_and_names_what_is_missing()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = new ApnsOptionsValidator().Validate(null, new ApnsOptions { KeyP8 = key.ExportPkcs8PrivateKeyPem() });

        Assert.True(result.Failed);
        Assert.Contains("missing: KeyId, TeamId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registration_checks_the_push_configuration_at_start()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Notifications:Apns:KeyP8"] = key.ExportPkcs8PrivateKeyPem() })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddPushProviders(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("missing: KeyId, TeamId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_id_without_a_key_refuses_to_start()
    {
        var result = new ApnsOptionsValidator().Validate(null, new ApnsOptions { KeyId = "ABC", TeamId = "DEF" });

        Assert.Contains("missing: KeyP8 (or KeyFile)", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_not_an_EC_key_or_an_unknown_environment_refuses_to_start()
    {
        using var rsa = RSA.Create(2048);

        var result = new ApnsOptionsValidator().Validate(null, new ApnsOptions { KeyP8 = rsa.ExportPkcs8PrivateKeyPem(), KeyId = "K", TeamId = "T", Environment = "staging" });

        Assert.Contains("not an EC private key", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'production' or 'sandbox'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_APNs_configuration_is_valid_and_picks_the_address_of_its_environment()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new ApnsOptions { KeyP8 = key.ExportPkcs8PrivateKeyPem(), KeyId = "K", TeamId = "T", Environment = "sandbox" };

        Assert.True(new ApnsOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(new Uri("https://api.sandbox.push.apple.com"), options.ServiceAddress);
        Assert.Equal(new Uri("https://api.push.apple.com"), new ApnsOptions().ServiceAddress);
    }

    [Theory]
    [InlineData("not json", "is not JSON")]
    [InlineData("""{"type":"authorized_user"}""", "not 'service_account'")]
    [InlineData("""{"type":"service_account","project_id":"p"}""", "lacks client_email, private_key_id, private_key")]
    [InlineData("""{"type":"service_account","project_id":"p","client_email":"e","private_key_id":"k","private_key":"nope"}""", "not an RSA key in PEM")]
    public void A_service_account_that_cannot_be_used_refuses_to_start(string json, string expected)
    {
        var result = new FcmOptionsValidator().Validate(null, new FcmOptions { ServiceAccountJson = json });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_service_account_file_refuses_to_start() =>
        Assert.Contains("does not exist", new FcmOptionsValidator().Validate(null, new FcmOptions { ServiceAccountFile = "/nonexistent/sa.json" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void A_service_account_without_token_uri_uses_Googles()
    {
        using var rsa = RSA.Create(2048);
        var json = $$"""{"type":"service_account","project_id":"p","client_email":"e","private_key_id":"k","private_key":{{System.Text.Json.JsonSerializer.Serialize(rsa.ExportPkcs8PrivateKeyPem())}}}""";

        var account = FcmServiceAccount.Parse(json);

        Assert.Equal(new Uri(FcmServiceAccount.DefaultTokenUri), account.Value.TokenUri);
    }
}
