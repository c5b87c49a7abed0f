using ChatApp.Modules.Chat.Invites;
using Microsoft.Extensions.Options;
using QRCoder;

namespace ChatApp.Modules.Chat.Features.GetInviteQrCode;

internal enum QrCodeFormat
{
    Png,
    Svg,
}

internal sealed record GetInviteQrCodeQuery(string Code, QrCodeFormat Format) : IQuery<Result<QrCodeImage>>;

internal sealed record QrCodeImage(byte[] Content, string ContentType);

/// <summary>
/// The QR code of a usable link's public URL (<c>Chat:InviteLinkBaseUrl</c> + code), error correction M, 10 pixels per
/// module with the standard 4-module quiet zone: PNG, or SVG of the same size.
/// </summary>
internal sealed class GetInviteQrCodeHandler(ChatDbContext db, IOptions<ChatOptions> options, TimeProvider timeProvider)
    : IQueryHandler<GetInviteQrCodeQuery, Result<QrCodeImage>>
{
    public const int PixelsPerModule = 10;

    public async ValueTask<Result<QrCodeImage>> Handle(GetInviteQrCodeQuery query, CancellationToken cancellationToken)
    {
        var found = await InviteLookup.FindUsableAsync(db, query.Code, timeProvider, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(InviteRules.LinkOf(options, found.Value.Code), QRCodeGenerator.ECCLevel.M);
        return query.Format == QrCodeFormat.Png
            ? new QrCodeImage(new PngByteQRCode(data).GetGraphic(PixelsPerModule), "image/png")
            : new QrCodeImage(System.Text.Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(PixelsPerModule)), "image/svg+xml");
    }
}
