using System.Globalization;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Notifications.Preferences;

namespace ChatApp.Modules.Notifications.Features.UpdatePreferences;

internal sealed record QuietHoursRequest(string? Start, string? End);

internal sealed record UpdatePreferencesRequest(bool? ShowPreviews, string? TimeZone = null, QuietHoursRequest? QuietHours = null);

internal sealed record UpdatePreferencesCommand(Guid UserId, bool? ShowPreviews, string? TimeZone, QuietHoursRequest? QuietHours)
    : ICommand<Result<PreferencesResponse>>;

internal sealed class UpdatePreferencesValidator : AbstractValidator<UpdatePreferencesCommand>
{
    public UpdatePreferencesValidator()
    {
        RuleFor(c => c.ShowPreviews).NotNull().WithMessage("showPreviews is required (true or false).");
        RuleFor(c => c.TimeZone)
            .Must(IsIanaTimeZone)
            .WithErrorCode(NotificationsErrors.InvalidTimeZoneCode)
            .WithMessage("timeZone is an IANA time zone id (e.g. Europe/Berlin).")
            .When(c => c.TimeZone is not null);
        When(c => c.QuietHours is not null, () =>
        {
            RuleFor(c => c.QuietHours!.Start)
                .Must(IsTime).WithErrorCode(NotificationsErrors.InvalidQuietHoursCode).WithMessage("start is a 24-hour local time HH:mm (e.g. 22:00).");
            RuleFor(c => c.QuietHours!.End)
                .Must(IsTime).WithErrorCode(NotificationsErrors.InvalidQuietHoursCode).WithMessage("end is a 24-hour local time HH:mm (e.g. 07:00).");
            RuleFor(c => c.QuietHours)
                .Must(q => q!.Start != q.End)
                .WithErrorCode(NotificationsErrors.InvalidQuietHoursCode)
                .WithMessage("Quiet hours must start and end at different times.")
                .When(c => IsTime(c.QuietHours!.Start) && IsTime(c.QuietHours.End));
            RuleFor(c => c.TimeZone)
                .NotNull()
                .WithErrorCode(NotificationsErrors.QuietHoursNeedTimeZoneCode)
                .WithMessage("Quiet hours need a timeZone: they are local times.");
        });
    }

    public static TimeOnly ParseTime(string value) => TimeOnly.ParseExact(value, QuietHoursResponse.TimeFormat, CultureInfo.InvariantCulture);

    private static bool IsTime(string? value) =>
        value is not null && TimeOnly.TryParseExact(value, QuietHoursResponse.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>
    /// A zone the node knows by its IANA id (ICU and tzdata are on): Windows ids ("W. Europe Standard Time"), which
    /// .NET would also resolve, are refused so the stored id means the same on every platform.
    /// </summary>
    private static bool IsIanaTimeZone(string? id) =>
        id is { Length: > 0 and <= NotificationPreferences.MaxTimeZoneLength }
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId
        && string.Equals(zone.Id, id, StringComparison.Ordinal);
}

/// <summary>Replaces my push settings (PUT: every field as sent; omitted quiet hours and time zone are cleared).</summary>
internal sealed class UpdatePreferencesHandler(NotificationsDbContext db, TimeProvider timeProvider)
    : ICommandHandler<UpdatePreferencesCommand, Result<PreferencesResponse>>
{
    public async ValueTask<Result<PreferencesResponse>> Handle(UpdatePreferencesCommand command, CancellationToken cancellationToken)
    {
        var preferences = await db.Preferences.SingleOrDefaultAsync(p => p.UserId == command.UserId, cancellationToken)
            ?? db.Preferences.Add(new NotificationPreferences { UserId = command.UserId }).Entity;
        preferences.ShowPreviews = command.ShowPreviews!.Value;
        preferences.TimeZone = command.TimeZone;
        preferences.QuietHoursStart = command.QuietHours is null ? null : UpdatePreferencesValidator.ParseTime(command.QuietHours.Start!);
        preferences.QuietHoursEnd = command.QuietHours is null ? null : UpdatePreferencesValidator.ParseTime(command.QuietHours.End!);
        preferences.UpdatedAt = timeProvider.GetUtcNowForStorage();
        return PreferencesResponse.From(preferences);
    }
}
