using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>
/// <c>Email:Smtp:TrustedCertificate</c>: the one server certificate accepted, given as a file (PEM or DER) or as its
/// SHA-256 or SHA-1 thumbprint. Anything else is refused, whatever the system's trust store says; there is no
/// "accept all".
/// </summary>
internal sealed class ServerCertificatePin
{
    private readonly byte[] _thumbprint;
    private readonly HashAlgorithmName _algorithm;

    private ServerCertificatePin(byte[] thumbprint, HashAlgorithmName algorithm)
    {
        _thumbprint = thumbprint;
        _algorithm = algorithm;
    }

    /// <summary>Reads the setting; returns null and the pin, or why the setting is unusable.</summary>
    public static string? TryCreate(string setting, out ServerCertificatePin? pin)
    {
        pin = null;
        var value = setting.Trim();
        if (File.Exists(value))
        {
            try
            {
                var text = File.ReadAllText(value);
                using var certificate = text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                    ? X509Certificate2.CreateFromPem(text)
                    : X509CertificateLoader.LoadCertificateFromFile(value);
                pin = new ServerCertificatePin(SHA256.HashData(certificate.RawData), HashAlgorithmName.SHA256);
                return null;
            }
            catch (CryptographicException exception)
            {
                return $"the file {value} is not a certificate ({exception.Message})";
            }
        }

        var hex = value.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (hex.Length is 64 or 40 && hex.All(Uri.IsHexDigit))
        {
            pin = new ServerCertificatePin(Convert.FromHexString(hex), hex.Length == 64 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1);
            return null;
        }

        return "neither an existing certificate file nor a SHA-256/SHA-1 thumbprint in hex";
    }

    /// <summary>For MailKit's <c>ServerCertificateValidationCallback</c>: true only for the pinned certificate.</summary>
    public bool Accepts(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        var raw = certificate.GetRawCertData();
        var actual = _algorithm == HashAlgorithmName.SHA256 ? SHA256.HashData(raw) : SHA1.HashData(raw);
        return CryptographicOperations.FixedTimeEquals(actual, _thumbprint);
    }
}
