using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Accounts.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.DeviceName).HasMaxLength(Session.DeviceNameMaxLength).IsRequired();
        builder.Property(s => s.RevokedReason).HasMaxLength(50);
        builder.HasIndex(s => new { s.UserId, s.RevokedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.RefreshTokens).WithOne().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
