using System.Security.Claims;
using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Modules.Accounts.Deletion;
using ChatApp.Modules.Accounts.Email;
using ChatApp.Modules.Accounts.External;
using ChatApp.Modules.Accounts.Features.PurgeExpiredSessions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Modules.Accounts;

/// <summary>The Accounts module's one entry point: identity, tokens, sessions, profiles, and the authentication every module relies on.</summary>
public static class AccountsModule
{
    public const string Name = "accounts";

    /// <summary>The module's endpoints in the order of the API document (see <see cref="ModuleEndpoints.MapCarterModules"/>); a new slice adds its endpoint here.</summary>
    private static readonly Type[] Endpoints =
    [
        typeof(Features.AdminSignIn.AdminSignInEndpoint),
        typeof(Features.AdminSignOut.AdminSignOutEndpoint),
        typeof(Features.ChangePassword.ChangePasswordEndpoint),
        typeof(Features.DeactivateAccount.DeactivateAccountEndpoint),
        typeof(Features.GetMyProfile.GetMyProfileEndpoint),
        typeof(Features.GetUserProfile.GetUserProfileEndpoint),
        typeof(Features.ListSessions.ListSessionsEndpoint),
        typeof(Features.Login.LoginEndpoint),
        typeof(Features.Refresh.RefreshEndpoint),
        typeof(Features.Register.RegisterEndpoint),
        typeof(Features.Logout.LogoutEndpoint),
        typeof(Features.RevokeSession.RevokeSessionEndpoint),
        typeof(Features.SetAvatar.SetAvatarEndpoint),
        typeof(Features.RemoveAvatar.RemoveAvatarEndpoint),
        typeof(Features.UpdateMyProfile.UpdateMyProfileEndpoint),
        typeof(Features.ExternalSignIn.ExternalSignInEndpoint),
        typeof(Features.ListLogins.ListLoginsEndpoint),
        typeof(Features.LinkLogin.LinkLoginEndpoint),
        typeof(Features.UnlinkLogin.UnlinkLoginEndpoint),
        typeof(Features.SetPassword.SetPasswordEndpoint),
        typeof(Features.DeleteAccount.DeleteAccountEndpoint),
        typeof(Features.AdminDeleteAccount.AdminDeleteAccountEndpoint),
        typeof(Features.VerifyEmail.VerifyEmailEndpoint),
        typeof(Features.ResendVerification.ResendVerificationEndpoint),
        typeof(Features.ForgotPassword.ForgotPasswordEndpoint),
        typeof(Features.ResetPassword.ResetPasswordEndpoint),
        typeof(Features.ChangeEmail.ChangeEmailEndpoint),
        typeof(Features.ConfirmEmailChange.ConfirmEmailChangeEndpoint),
        typeof(Features.SetHandle.SetHandleEndpoint),
        typeof(Features.SetDiscoverability.SetDiscoverabilityEndpoint),
        typeof(Features.SearchPeople.SearchPeopleEndpoint),
    ];

    public static IServiceCollection AddAccountsModule(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = typeof(AccountsModule).Assembly;
        services.AddModuleDbContext<AccountsDbContext>(Name, AccountsDbContext.Schema);
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddIntegrationEventHandlers(assembly);
        services.AddMemoryCache();

        services.AddIdentityCore<User>(options =>
            {
                // Unique when present (UniqueEmailWhenPresentValidator): accounts made by a provider may have no e-mail.
                options.User.RequireUniqueEmail = false;
                // The user name is the e-mail (or "provider:id" for accounts made by a provider); Identity's default
                // character whitelist would refuse valid addresses such as o'brien@example.com.
                options.User.AllowedUserNameCharacters = string.Empty;
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                configuration.GetSection("Accounts:Identity").Bind(options);
            })
            .AddRoles<Role>()
            .AddUserValidator<UniqueEmailWhenPresentValidator>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager();

        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<AdminCookieValidator>();
        services.AddOptions<UnknownAccountLockoutOptions>().BindConfiguration(UnknownAccountLockoutOptions.SectionName);
        services.AddSingleton<MemoryUnknownAccountThrottle>();
        services.AddSingleton<IUnknownAccountThrottle>(provider => provider.GetService<StackExchange.Redis.IConnectionMultiplexer>() is { } redis
            ? ActivatorUtilities.CreateInstance<RedisUnknownAccountThrottle>(provider, redis)
            : provider.GetRequiredService<MemoryUnknownAccountThrottle>());
        services.AddScoped<CredentialsChecker>();
        services.AddExternalSignIn();
        services.AddScoped<IUserDirectory, Features.DirectoryLookup.UserDirectory>();
        services.AddScoped<ISessionStatus, Features.SessionLookup.SessionStatus>();
        services.AddScoped<IAccountSanctions, Features.ApplySanction.AccountSanctions>();
        services.AddScoped<Profiles.AvatarView>();
        services.AddScoped<SessionTokenIssuer>();
        services.AddScoped<SessionRevocation>();
        services.AddScoped<Profiles.AvatarChanges>();
        services.AddSingleton<Profiles.ProfileCache>();
        services.AddScoped<IModuleInitializer, AdminSeeder>();
        services.AddOptions<AccountsMaintenanceOptions>().BindConfiguration(AccountsMaintenanceOptions.SectionName);
        services.AddScoped<IModuleInitializer, AccountsJobsScheduler>();
        services.AddScoped<PurgeExpiredSessionsJob>();
        services.AddScoped<Features.ImportProviderPicture.ImportProviderPictureJob>();
        services.AddAccountDeletion();
        services.AddAccountEmail();
        services.AddOptions<People.HandleOptions>().BindConfiguration(People.HandleOptions.SectionName);
        services.AddScoped<IModuleInitializer, People.NameSearchKeyBackfill>();
        services.AddOptions<People.PeopleSearchOptions>().BindConfiguration(People.PeopleSearchOptions.SectionName);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddCookie(AdminCookie.Scheme, options =>
            {
                options.Cookie.Name = "chatapp_admin";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.LoginPath = Contracts.AccountsRoutes.AdminSignIn;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = AdminCookieValidator.ValidateAsync;
                options.Events.OnRedirectToLogin = context => RedirectBrowsersOnly(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<JwtOptions>>((options, keys, jwt) =>
            {
                options.MapInboundClaims = false;
                // Nothing reads the raw token back (GetTokenAsync); saving it keeps a copy per hub connection.
                options.SaveToken = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = keys.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = ClaimsPrincipalExtensions.NameClaim,
                    RoleClaimType = ClaimsPrincipalExtensions.RoleClaim,
                };
                options.Events = new JwtBearerEvents
                {
                    // Browsers and SignalR clients on WebSockets cannot send headers: they pass the token in the query string.
                    OnMessageReceived = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments("/hubs")
                            && context.Request.Query.TryGetValue("access_token", out var token))
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                    OnTokenValidated = async context =>
                    {
                        var sessionId = context.Principal?.GetSessionId();
                        var validator = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
                        if (sessionId is null || !await validator.IsActiveAsync(sessionId.Value, context.HttpContext.RequestAborted))
                        {
                            context.Fail("The session of this access token has been revoked.");
                        }
                        else if (context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        {
                            // A hub connection keeps its principal for hours; the validated one references the parsed
                            // JsonWebToken (raw token, header and payload claim sets, a second copy of every claim).
                            context.Principal = DetachedPrincipal(context.Principal!);
                        }
                    },
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, AdminCookie.Scheme)
                .RequireAuthenticatedUser()
                .RequireRole(AuthorizationPolicies.AdminRole));
        return services;
    }

    public static IEndpointRouteBuilder MapAccountsModule(this IEndpointRouteBuilder app) =>
        app.MapCarterModules(typeof(AccountsModule).Assembly, Endpoints);

    /// <summary>The same claims in plain identities that no longer reference the security token they were read from.</summary>
    private static ClaimsPrincipal DetachedPrincipal(ClaimsPrincipal principal) =>
        new(principal.Identities.Select(identity => new ClaimsIdentity(
            identity.Claims.Select(claim => new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer, claim.OriginalIssuer)),
            identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType)));

    private static Task RedirectBrowsersOnly(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var acceptsHtml = context.Request.Headers.Accept.Any(value => value?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
        if (acceptsHtml)
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
