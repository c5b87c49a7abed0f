namespace ChatApp.Modules.Accounts.Domain;

internal sealed class Role : IdentityRole<Guid>;
