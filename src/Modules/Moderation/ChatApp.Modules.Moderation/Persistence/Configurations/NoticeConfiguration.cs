using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Moderation.Persistence.Configurations;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasMaxLength(32).IsRequired();
        builder.Property(n => n.Category).HasMaxLength(16);
        builder.Property(n => n.Message).HasMaxLength(Notice.MessageMaxLength);
        builder.Property(n => n.Outcome).HasMaxLength(16);
        builder.HasIndex(n => new { n.UserId, n.At });
    }
}
