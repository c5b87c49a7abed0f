using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// Creates the admin role and, when <c>Admin:Email</c> and <c>Admin:Password</c> are configured, the admin account
/// (or adds an existing account with that e-mail to the role). It never changes an existing password.
/// </summary>
internal sealed class AdminSeeder(
    IConfiguration configuration,
    RoleManager<Role> roles,
    UserManager<User> users,
    AccountsDbContext db,
    IIdGenerator ids,
    TimeProvider timeProvider,
    ILogger<AdminSeeder> logger) : IModuleInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!await roles.RoleExistsAsync(AuthorizationPolicies.AdminRole))
        {
            Check(await roles.CreateAsync(new Role { Id = ids.NewId(), Name = AuthorizationPolicies.AdminRole }));
        }

        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new User
            {
                Id = ids.NewId(),
                UserName = email,
                Email = email,
                CreatedAt = timeProvider.GetUtcNowForStorage(),
            };
            user.Rename(configuration["Admin:DisplayName"] ?? "Administrator");
            Check(await users.CreateAsync(user, password));
            People.PeopleSearchTerms.AddFor(db, user.Id, user.DisplayName);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Seeded admin account {Email}", email);
        }

        if (!await users.IsInRoleAsync(user, AuthorizationPolicies.AdminRole))
        {
            Check(await users.AddToRoleAsync(user, AuthorizationPolicies.AdminRole));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding the admin account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
