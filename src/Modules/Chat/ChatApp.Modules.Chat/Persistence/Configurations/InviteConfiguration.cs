using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Chat.Persistence.Configurations;

internal sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Invite> builder)
    {
        builder.ToTable("invites");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Code).HasMaxLength(Invite.CodeMaxLength).IsRequired();
        builder.HasIndex(i => i.Code).IsUnique();
        builder.HasIndex(i => i.RoomId);
        builder.HasIndex(i => i.CreatedBy);
    }
}
