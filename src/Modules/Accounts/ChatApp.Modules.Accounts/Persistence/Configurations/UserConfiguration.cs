using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Accounts.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(User.DisplayNameMaxLength).IsRequired();
        builder.Property(u => u.Bio).HasMaxLength(User.BioMaxLength);
        // Identity indexes NormalizedEmail without uniqueness; e-mail is the sign-in name here, so it must be unique.
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.Property(u => u.Handle).HasMaxLength(User.HandleMaxLength);
        builder.Property(u => u.NormalizedHandle).HasMaxLength(User.HandleMaxLength);
        builder.HasIndex(u => u.NormalizedHandle).IsUnique();
        builder.Property(u => u.Discoverable).HasDefaultValue(true);
        builder.Property(u => u.NameSearchKey).HasMaxLength(User.NameSearchKeyMaxLength);
        // People search reads the key by id only (ADR 0023 part P): no index on it. The covering index it once scanned in
        // key order (IX_users_people_search) was dropped when common queries moved to term order.
    }
}
