using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace ChatApp.Modules.Accounts.Persistence;

internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityDbContext<User, Role, Guid>(options)
{
    public const string Schema = "accounts";

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<PeopleSearchTerm> PeopleSearchTerms => Set<PeopleSearchTerm>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.Entity<User>().ToTable("users");
        builder.Entity<Role>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(AccountsDbContext).Assembly);
        if (Database.ProviderName?.Contains("MySql", StringComparison.Ordinal) == true)
        {
            // The search key holds folded text and 초성 jamo: compared byte for byte, as SQLite does (a Unicode collation
            // would weigh jamo and syllables by its own rules and spend time doing it).
            builder.Entity<User>().Property(u => u.NameSearchKey).UseCollation("utf8mb4_bin");
            builder.Entity<PeopleSearchTerm>().Property(t => t.Term).UseCollation("utf8mb4_bin");
        }

        builder.AddOutbox();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseChatAppConventions();
}
