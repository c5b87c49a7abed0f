using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Moderation.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasMaxLength(32).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(AuditEntry.ReasonMaxLength).IsRequired();
        builder.Property(a => a.PersonMessage).HasMaxLength(Notice.MessageMaxLength);
        builder.HasIndex(a => a.ReportId);
        builder.HasIndex(a => new { a.TargetUserId, a.At });
        builder.HasIndex(a => a.At);
    }
}
