using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Notifications.Persistence.Configurations;

internal sealed class PushWorkConfiguration : IEntityTypeConfiguration<PushWork>
{
    public void Configure(EntityTypeBuilder<PushWork> builder)
    {
        builder.ToTable("pushes");
        builder.HasKey(p => new { p.UserId, p.RoomId });
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.DueAt);
    }
}
