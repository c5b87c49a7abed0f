using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Chat.Persistence.Configurations;

internal sealed class RoomMemberConfiguration : IEntityTypeConfiguration<RoomMember>
{
    public void Configure(EntityTypeBuilder<RoomMember> builder)
    {
        builder.ToTable("room_members");
        builder.HasKey(m => new { m.RoomId, m.UserId });
        builder.HasIndex(m => m.UserId);
    }
}
