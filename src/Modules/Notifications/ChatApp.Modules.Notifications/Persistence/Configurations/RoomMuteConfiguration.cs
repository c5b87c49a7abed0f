using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Notifications.Persistence.Configurations;

internal sealed class RoomMuteConfiguration : IEntityTypeConfiguration<RoomMute>
{
    public void Configure(EntityTypeBuilder<RoomMute> builder)
    {
        builder.ToTable("room_mutes");
        builder.HasKey(m => new { m.UserId, m.RoomId });
    }
}
