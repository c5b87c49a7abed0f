using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Notifications.Persistence.Configurations;

internal sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> builder)
    {
        builder.ToTable("preferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.TimeZone).HasMaxLength(NotificationPreferences.MaxTimeZoneLength);
    }
}
