using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Notifications.Devices;

namespace ChatApp.Modules.Notifications.Features.RegisterDevice;

internal sealed record RegisterDeviceRequest([property: WireValues(DeviceTokens.Android, DeviceTokens.Ios)] string? Platform, string? Token, string? AppId, string? Locale = null);

internal sealed record RegisterDeviceCommand(Guid UserId, Guid SessionId, string? Platform, string? Token, string? AppId, string? Locale)
    : ICommand<Result<RegisteredDevice>>;

/// <summary>The device as stored; <c>Created</c>: new for this account (a new token, or one moved from another account).</summary>
internal sealed record RegisteredDevice(DeviceResponse Device, bool Created);

internal sealed partial class RegisterDeviceValidator : AbstractValidator<RegisterDeviceCommand>
{
    public RegisterDeviceValidator(IOptions<NotificationsOptions> options)
    {
        var appIds = options.Value.AppIds.Where(a => !string.IsNullOrWhiteSpace(a)).ToHashSet(StringComparer.Ordinal);
        RuleFor(c => c.Platform)
            .Must(p => DeviceTokens.TryParsePlatform(p, out _))
            .WithErrorCode(NotificationsErrors.InvalidPlatformCode)
            .WithMessage($"platform must be '{DeviceTokens.Android}' or '{DeviceTokens.Ios}'.");
        RuleFor(c => c.Token).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(NotificationsErrors.InvalidTokenCode).WithMessage("token is required.")
            .Must((c, token) => !DeviceTokens.TryParsePlatform(c.Platform, out var platform) || DeviceTokens.IsValid(platform, token!))
            .WithErrorCode(NotificationsErrors.InvalidTokenCode)
            .WithMessage(c => c.Platform == DeviceTokens.Ios
                ? "An iOS (APNs) device token is 64 hexadecimal characters."
                : $"An Android (FCM) registration token is 1 to {Device.MaxTokenLength} characters of A-Z, a-z, 0-9, '_', ':' and '-'.");
        RuleFor(c => c.AppId).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(NotificationsErrors.InvalidAppIdCode).WithMessage("appId is required.")
            .MaximumLength(Device.MaxAppIdLength).WithErrorCode(NotificationsErrors.InvalidAppIdCode)
            .WithMessage($"appId is at most {Device.MaxAppIdLength} characters.")
            .Matches(AppIdPattern()).WithErrorCode(NotificationsErrors.InvalidAppIdCode)
            .WithMessage("appId is the app's bundle id or package name in reverse-DNS form (e.g. com.example.chat).")
            .Must(appId => appIds.Count == 0 || appIds.Contains(appId!)).WithErrorCode(NotificationsErrors.UnknownAppIdCode)
            .WithMessage(_ => $"appId must be one of this server's apps: {string.Join(", ", appIds.Order(StringComparer.Ordinal))}.");
        RuleFor(c => c.Locale).Cascade(CascadeMode.Stop)
            .MaximumLength(Device.MaxLocaleLength).WithErrorCode(NotificationsErrors.InvalidLocaleCode)
            .WithMessage($"locale is at most {Device.MaxLocaleLength} characters.")
            .Matches(LocalePattern()).WithErrorCode(NotificationsErrors.InvalidLocaleCode)
            .WithMessage("locale is a BCP 47 language tag (e.g. en, de-DE, zh-Hant-TW).")
            .When(c => c.Locale is not null);
    }

    /// <summary>Reverse-DNS: at least two dot-separated labels of letters, digits, '_' and '-'.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$")]
    private static partial Regex AppIdPattern();

    /// <summary>
    /// The shape of a BCP 47 tag: a language of 2-3 letters (or 4-8, registered ones) and subtags of 1-8 letters or
    /// digits (script, region, variants, extensions), or a private-use tag. Checked by shape, not against ICU's list,
    /// so the answer does not depend on the ICU version of the node.
    /// </summary>
    [GeneratedRegex(@"^(?:[A-Za-z]{2,8}|[xX](?=-))(?:-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LocalePattern();
}

/// <summary>
/// Registers the phone's push token for the session that calls (upsert by token). The same token again updates the
/// device and binds it to the calling session; a token another account registered moves to the caller (a phone signed
/// in to a new account must not keep receiving the old one's pushes), forgetting what was pushed to it before. A person
/// keeps at most <see cref="MaxDevicesPerUser"/> devices: a new one replaces the one refreshed longest ago.
/// </summary>
internal sealed class RegisterDeviceHandler(NotificationsDbContext db, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<RegisterDeviceCommand, Result<RegisteredDevice>>
{
    public const int MaxDevicesPerUser = 20;

    public async ValueTask<Result<RegisteredDevice>> Handle(RegisterDeviceCommand command, CancellationToken cancellationToken)
    {
        DeviceTokens.TryParsePlatform(command.Platform, out var platform);
        var token = DeviceTokens.Normalize(platform, command.Token!);
        var now = timeProvider.GetUtcNowForStorage();
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Token == token, cancellationToken);
        var created = true;
        if (device is null)
        {
            device = db.Devices.Add(new Device { Id = ids.NewId(), Token = token, AppId = command.AppId!, UserId = command.UserId }).Entity;
        }
        else if (device.UserId != command.UserId)
        {
            await db.Deliveries.Where(d => d.DeviceId == device.Id).ExecuteDeleteAsync(cancellationToken);
            device.UserId = command.UserId;
        }
        else
        {
            created = false;
        }

        if (created)
        {
            device.CreatedAt = now;
            await ReplaceOldestAsync(command.UserId, device.Id, cancellationToken);
        }

        device.Token = token;
        device.Platform = platform;
        device.AppId = command.AppId!;
        device.Locale = command.Locale;
        device.SessionId = command.SessionId;
        device.UpdatedAt = now;
        return new RegisteredDevice(DeviceResponse.From(device, command.SessionId), created);
    }

    /// <summary>Makes room for one more device of the user: removes those refreshed longest ago beyond the limit.</summary>
    private async Task ReplaceOldestAsync(Guid userId, Guid newDeviceId, CancellationToken cancellationToken)
    {
        var others = db.Devices.Where(d => d.UserId == userId && d.Id != newDeviceId);
        var excess = await others.CountAsync(cancellationToken) - (MaxDevicesPerUser - 1);
        if (excess <= 0)
        {
            return;
        }

        var oldest = await others.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id).Select(d => d.Id).Take(excess).ToListAsync(cancellationToken);
        await db.Devices.Where(d => oldest.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
