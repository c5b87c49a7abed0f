namespace ChatApp.Modules.Media;

/// <summary>Configuration section <c>Media:S3</c>: any S3-compatible endpoint (AWS S3, MinIO, s3rver).</summary>
internal sealed class S3StorageOptions
{
    public string Bucket { get; set; } = "";

    /// <summary>Endpoint of an S3-compatible server (e.g. <c>http://127.0.0.1:9000</c>); empty for AWS S3 in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    /// <summary>Path-style addressing (<c>{endpoint}/{bucket}/{key}</c>), which MinIO and most S3-compatible servers need.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Access keys; empty: the SDK's default credential chain (environment, instance or pod role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Create the bucket at startup when it does not exist (handy for development servers).</summary>
    public bool CreateBucket { get; set; }
}
