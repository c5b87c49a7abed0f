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
        // People search scans this index alone (every column it filters on, and the id), in key order, and stops at
        // the page's end: ADR 0023 part P, docs/performance.md.
        builder.HasIndex(u => new { u.NameSearchKey, u.Discoverable, u.DeactivatedAt, u.BannedAt, u.SuspendedUntil, u.HiddenForReviewAt, u.NormalizedHandle, u.Id })
            .HasDatabaseName("IX_users_people_search");
    }
}
