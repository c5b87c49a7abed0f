using System.Security.Cryptography;
using ChatApp.Modules.Notifications.Providers.Apns;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.UnitTests.Notifications.Providers;

public sealed class ApnsProviderTokenTests : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero));
    private readonly ApnsProviderToken _tokens;

    public ApnsProviderTokenTests() => _tokens = new ApnsProviderToken(_key.ExportPkcs8PrivateKeyPem(), "KEYID12345", "TEAMID6789", _time);

    [Fact]
    public async Task The_token_is_an_ES256_JWT_with_kid_iss_and_iat_only_signed_with_the_p8_key()
    {
        var token = _tokens.Current();

        var jwt = new JsonWebToken(token);
        Assert.Equal(("ES256", "KEYID12345"), (jwt.Alg, jwt.Kid));
        Assert.Equal(["iat", "iss"], jwt.Claims.Select(c => c.Type).Order());
        Assert.Equal("TEAMID6789", jwt.Issuer);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds(), jwt.GetPayloadValue<long>("iat"));
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new ECDsaSecurityKey(ECDsa.Create(_key.ExportParameters(false))),
            ValidIssuer = "TEAMID6789",
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public void One_token_is_reused_for_50_minutes_then_renewed()
    {
        var first = _tokens.Current();

        _time.Advance(TimeSpan.FromMinutes(49.9));
        Assert.Equal(first, _tokens.Current());

        _time.Advance(TimeSpan.FromMinutes(0.1));
        var second = _tokens.Current();
        Assert.NotEqual(first, second);
        Assert.Equal(2, _tokens.Issued);
    }

    [Fact]
    public void A_rejected_token_is_renewed_once_for_concurrent_rejections_and_only_when_20_minutes_old()
    {
        var first = _tokens.Current();
        _time.Advance(TimeSpan.FromMinutes(19));
        Assert.Null(_tokens.Renew(first));
        Assert.Equal(first, _tokens.Current());

        _time.Advance(TimeSpan.FromMinutes(1));
        var renewed = _tokens.Renew(first);
        var again = _tokens.Renew(first);

        Assert.NotNull(renewed);
        Assert.NotEqual(first, renewed);
        Assert.Equal(renewed, again);
        Assert.Equal(renewed, _tokens.Current());
        Assert.Null(_tokens.Renew(renewed!));
        Assert.Equal(2, _tokens.Issued);
    }

    [Fact]
    public void A_renewal_at_50_minutes_also_counts_so_a_403_soon_after_does_not_renew_again()
    {
        _tokens.Current();
        _time.Advance(TimeSpan.FromMinutes(50));
        var scheduled = _tokens.Current();
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(_tokens.Renew(scheduled));
        Assert.Equal(2, _tokens.Issued);
    }

    public void Dispose()
    {
        _tokens.Dispose();
        _key.Dispose();
    }
}
