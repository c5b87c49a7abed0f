using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Moderation.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TargetType).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(16).IsRequired();
        // Closing a report is conditional on the status it was read with: two moderators (or one double submit) acting on
        // the same open report collide, and the unit of work runs the loser again, who then finds it closed.
        builder.Property(r => r.Status).HasMaxLength(16).IsRequired().IsConcurrencyToken();
        builder.Property(r => r.Outcome).HasMaxLength(32);
        builder.Property(r => r.Note).HasMaxLength(Report.NoteMaxLength);
        builder.Property(r => r.OpenKey).HasMaxLength(100);
        builder.Property(r => r.EvidenceText).HasMaxLength(Report.EvidenceTextMaxLength);
        builder.Property(r => r.EvidenceAttachments).HasMaxLength(400);
        builder.Ignore(r => r.EvidenceAttachmentIds);
        builder.HasIndex(r => r.OpenKey).IsUnique();
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.TargetUserId, r.CreatedAt });
        builder.HasIndex(r => new { r.ReporterId, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.ResolvedAt });
    }
}
