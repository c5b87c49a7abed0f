using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ChatApp.Modules.Media.Storage;

/// <summary>
/// Objects in an S3 bucket, through any S3-compatible endpoint (AWS S3, MinIO, s3rver). Public objects (avatars) are
/// meant to be read through the CDN or a bucket policy granting public read on <c>public/*</c>; private objects (chat
/// pictures) only through pre-signed GET URLs.
/// </summary>
internal sealed class S3ObjectStorage : IObjectStorage, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly S3StorageOptions _options;
    private readonly string _publicBase;

    public S3ObjectStorage(S3StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Bucket))
        {
            throw new InvalidOperationException("Media:S3:Bucket is required when Media:Storage is S3.");
        }

        _options = options;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // Checksums only where S3 requires them: S3-compatible servers do not all understand the trailing
            // checksums the SDK would otherwise add to every upload.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        _client = string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
        _publicBase = !string.IsNullOrWhiteSpace(options.ServiceUrl)
            ? options.ForcePathStyle
                ? $"{options.ServiceUrl.TrimEnd('/')}/{options.Bucket}"
                : $"{new Uri(options.ServiceUrl).Scheme}://{options.Bucket}.{new Uri(options.ServiceUrl).Authority}"
            : $"https://{options.Bucket}.s3.{options.Region}.amazonaws.com";
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_options.CreateBucket)
        {
            try
            {
                await _client.PutBucketAsync(new PutBucketRequest { BucketName = _options.Bucket }, cancellationToken);
            }
            catch (AmazonS3Exception exception) when (exception.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
            {
            }
        }
    }

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        var request = new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            InputStream = stream,
            ContentType = contentType,
            UseChunkEncoding = false,
        };
        // Keys are never reused, so their bytes never change.
        request.Headers.CacheControl = ObjectKeys.IsPublic(key) ? "public, max-age=31536000, immutable" : "private, max-age=31536000, immutable";
        await _client.PutObjectAsync(request, cancellationToken);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        // One DELETE per object rather than DeleteObjects, which needs a Content-MD5 that S3-compatible servers do not
        // all check alike; deletes are few and happen in the background.
        foreach (var key in keys)
        {
            await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _options.Bucket, Key = key }, cancellationToken);
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _options.Bucket, Key = key }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public string PublicUrl(string key) => $"{_publicBase}/{key}";

    public string SignedUrl(string key, DateTimeOffset expiresAt) =>
        _client.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = _options.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        });

    public void Dispose() => _client.Dispose();
}
