namespace ChatApp.Modules.Notifications.Providers.Fcm;

/// <summary>
/// Configuration section <c>Notifications:Fcm</c>: the Firebase service account that sends Android pushes (Firebase
/// console → Project settings → Service accounts → Generate new private key). Neither set: Android pushes are off.
/// </summary>
internal sealed class FcmOptions
{
    public const string SectionName = "Notifications:Fcm";

    /// <summary>The service account key file's JSON text (e.g. from a Kubernetes secret in an environment variable).</summary>
    public string? ServiceAccountJson { get; set; }

    /// <summary>The path of the service account key file (e.g. a mounted secret).</summary>
    public string? ServiceAccountFile { get; set; }

    /// <summary>Where the FCM HTTP v1 API is (only tests change it).</summary>
    public Uri BaseAddress { get; set; } = new("https://fcm.googleapis.com");

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ServiceAccountJson) || !string.IsNullOrWhiteSpace(ServiceAccountFile);

    /// <summary>The service account, or null when none is configured.</summary>
    public Result<FcmServiceAccount>? LoadServiceAccount()
    {
        if (!string.IsNullOrWhiteSpace(ServiceAccountJson))
        {
            return FcmServiceAccount.Parse(ServiceAccountJson);
        }

        if (string.IsNullOrWhiteSpace(ServiceAccountFile))
        {
            return null;
        }

        if (!File.Exists(ServiceAccountFile))
        {
            return Error.Failure("fcm_service_account_missing", $"Notifications:Fcm:ServiceAccountFile '{ServiceAccountFile}' does not exist.");
        }

        return FcmServiceAccount.Parse(File.ReadAllText(ServiceAccountFile));
    }
}
