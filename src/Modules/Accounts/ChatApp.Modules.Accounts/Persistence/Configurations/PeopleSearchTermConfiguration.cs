using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Accounts.Persistence.Configurations;

internal sealed class PeopleSearchTermConfiguration : IEntityTypeConfiguration<PeopleSearchTerm>
{
    public void Configure(EntityTypeBuilder<PeopleSearchTerm> builder)
    {
        builder.ToTable("people_search_terms");
        builder.HasKey(t => new { t.Term, t.UserId });
        builder.Property(t => t.Term).HasMaxLength(PeopleSearchTerm.MaxLength);
        builder.HasIndex(t => t.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
