namespace ChatApp.Host.Startup;

/// <summary>
/// The settings a deployment (any environment but Development) must give: MySQL, Redis and object storage; each
/// missing or half-given one is a sentence naming the key to set.
/// </summary>
internal static class ProductionConfiguration
{
    public static List<string> Problems(IConfiguration configuration, bool migrateOnly)
    {
        var problems = new List<string>();
        var provider = configuration["Database:Provider"];
        if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Database:Provider is Sqlite, which only Development may use; set ConnectionStrings:MySql and remove Database:Provider.");
        }
        else if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("MySql")))
        {
            problems.Add("ConnectionStrings:MySql is not set (SQLite is for Development only).");
        }

        if (migrateOnly)
        {
            return problems;
        }

        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            problems.Add("ConnectionStrings:Redis is not set.");
        }

        problems.AddRange(StorageProblems(configuration));
        return problems;
    }

    /// <summary>
    /// Object storage must be chosen explicitly: S3 with a bucket, or Local with an explicit directory (a volume that
    /// every instance shares); the Local default under the content root is Development's.
    /// </summary>
    private static IEnumerable<string> StorageProblems(IConfiguration configuration)
    {
        var storage = configuration["Media:Storage"];
        if (string.IsNullOrWhiteSpace(storage))
        {
            yield return "Media:Storage is not set (S3 with Media:S3:Bucket, or Local with Media:LocalDirectory).";
        }
        else if (string.Equals(storage, "S3", StringComparison.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(configuration["Media:S3:Bucket"]))
            {
                yield return "Media:Storage is S3 but Media:S3:Bucket is not set.";
            }

            var serviceUrl = configuration["Media:S3:ServiceUrl"];
            if (!string.IsNullOrWhiteSpace(serviceUrl) && !Uri.TryCreate(serviceUrl, UriKind.Absolute, out _))
            {
                yield return $"Media:S3:ServiceUrl '{serviceUrl}' is not an absolute URL.";
            }
        }
        else if (string.Equals(storage, "Local", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(configuration["Media:LocalDirectory"]))
        {
            yield return "Media:Storage is Local but Media:LocalDirectory is not set (a directory every instance shares).";
        }
    }
}
