using System.Security.Cryptography;
using System.Text.Json;

namespace ChatApp.Modules.Notifications.Providers.Fcm;

/// <summary>The fields of a Google service account key file that the FCM client uses.</summary>
internal sealed record FcmServiceAccount(string ProjectId, string ClientEmail, string PrivateKeyId, string PrivateKeyPem, Uri TokenUri)
{
    public const string DefaultTokenUri = "https://oauth2.googleapis.com/token";

    public static Result<FcmServiceAccount> Parse(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return Invalid("is not JSON: " + exception.Message);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid("is not a JSON object");
        }

        var type = Text(root, "type");
        if (type is not null && type != "service_account")
        {
            return Invalid($"has type '{type}', not 'service_account'");
        }

        var missing = new[] { "project_id", "client_email", "private_key_id", "private_key" }.Where(name => string.IsNullOrWhiteSpace(Text(root, name))).ToList();
        if (missing.Count > 0)
        {
            return Invalid("lacks " + string.Join(", ", missing));
        }

        var tokenUri = Text(root, "token_uri") ?? DefaultTokenUri;
        if (!Uri.TryCreate(tokenUri, UriKind.Absolute, out var tokenAddress) || (tokenAddress.Scheme != Uri.UriSchemeHttps && tokenAddress.Scheme != Uri.UriSchemeHttp))
        {
            return Invalid($"has token_uri '{tokenUri}', not an http(s) address");
        }

        var pem = Text(root, "private_key")!;
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException exception)
        {
            return Invalid("has a private_key that is not an RSA key in PEM: " + exception.Message);
        }
        catch (CryptographicException exception)
        {
            return Invalid("has a private_key that is not an RSA key in PEM: " + exception.Message);
        }

        return new FcmServiceAccount(Text(root, "project_id")!, Text(root, "client_email")!, Text(root, "private_key_id")!, pem, tokenAddress);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Error Invalid(string why) => Error.Failure("fcm_service_account_invalid", "The Firebase service account (Notifications:Fcm) " + why + ".");
}
