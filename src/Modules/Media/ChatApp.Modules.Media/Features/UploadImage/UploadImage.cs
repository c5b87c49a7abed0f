using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Media.Images;
using ChatApp.Modules.Media.Processing;
using ChatApp.Modules.Media.Storage;

namespace ChatApp.Modules.Media.Features.UploadImage;

[TransactionExemption(TransactionExemption.OwnTransaction,
    "Decoding takes up to seconds and objects in storage cannot be rolled back: no transaction is held meanwhile; the one row is saved last and the objects are deleted when it fails.")]
internal sealed record UploadImageCommand(Guid UserId, byte[] Content, MediaPurpose Purpose, CropRect? Crop) : ICommand<Result<MediaImageResponse>>;

internal sealed class UploadImageValidator : AbstractValidator<UploadImageCommand>
{
    public UploadImageValidator()
    {
        RuleFor(c => c.Purpose).IsInEnum().OverridePropertyName("purpose").WithMessage("Purpose must be 'avatar' or 'chat'.");
        When(c => c.Crop is not null, () =>
        {
            RuleFor(c => c.Crop!.X).GreaterThanOrEqualTo(0).OverridePropertyName("cropX");
            RuleFor(c => c.Crop!.Y).GreaterThanOrEqualTo(0).OverridePropertyName("cropY");
            RuleFor(c => c.Crop!.Width).GreaterThan(0).OverridePropertyName("cropWidth");
            RuleFor(c => c.Crop!.Height).GreaterThan(0).OverridePropertyName("cropHeight");
        });
    }
}

/// <summary>
/// Decodes and renders the variants (at most <see cref="MediaOptions.MaxConcurrentProcessing"/> at once per node, which
/// bounds decoding memory), stores every object, then the row. Nothing is half-stored: a failure after the first object
/// deletes the objects already written.
/// </summary>
internal sealed class UploadImageHandler(
    MediaDbContext db,
    ImageProcessor processor,
    ProcessingGate gate,
    IObjectStorage storage,
    MediaUrls urls,
    IIdGenerator ids,
    TimeProvider timeProvider) : ICommandHandler<UploadImageCommand, Result<MediaImageResponse>>
{
    public async ValueTask<Result<MediaImageResponse>> Handle(UploadImageCommand command, CancellationToken cancellationToken)
    {
        Result<ProcessedImage> processed;
        await gate.WaitAsync(cancellationToken);
        try
        {
            processed = processor.Process(command.Content, command.Purpose, command.Crop);
        }
        finally
        {
            gate.Release();
        }

        if (!processed.IsSuccess)
        {
            return processed.Error;
        }

        var result = processed.Value;
        var folder = ObjectKeys.NewFolder(command.Purpose);
        var image = new MediaImage
        {
            Id = ids.NewId(),
            OwnerId = command.UserId,
            Purpose = command.Purpose,
            SourceFormat = result.SourceFormat,
            Width = result.Width,
            Height = result.Height,
            CreatedAt = timeProvider.GetUtcNowForStorage(),
        };
        image.Variants = result.Variants.Select(v => new MediaVariant
        {
            MediaId = image.Id,
            Name = v.Name,
            Key = folder + v.Name + ".jpg",
            Width = v.Width,
            Height = v.Height,
            ContentType = v.ContentType,
            Bytes = v.Bytes.Length,
        }).ToList();

        try
        {
            await Task.WhenAll(result.Variants.Select(v => storage.PutAsync(folder + v.Name + ".jpg", v.Bytes, v.ContentType, cancellationToken)));
            db.Images.Add(image);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await storage.DeleteAsync(image.Variants.Select(v => v.Key).ToList(), CancellationToken.None);
            throw;
        }

        return MediaImageResponse.From(urls.Describe(image), image.CreatedAt);
    }
}
