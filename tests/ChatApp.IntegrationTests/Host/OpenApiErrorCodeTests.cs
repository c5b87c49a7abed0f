using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using ChatApp.BuildingBlocks.Results;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>
/// The error codes of the modules, as a client finds them: in the <c>x-error-codes</c> of the operations that answer
/// them in /openapi/v1.json, and in docs/api.md. The codes are read from the modules' <c>*Errors</c> classes, so a new
/// code that no endpoint declares (<c>.ProducesErrors</c>) or the docs do not name fails here.
/// </summary>
public sealed class OpenApiErrorCodeTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private static readonly string[] ModuleAssemblies =
    [
        "ChatApp.Modules.Accounts", "ChatApp.Modules.Chat", "ChatApp.Modules.Media",
        "ChatApp.Modules.Moderation", "ChatApp.Modules.Notifications", "ChatApp.Modules.Recommendation",
    ];

    /// <summary>The codes of the factory methods (errors built from a value), by hand: reflection cannot call them.</summary>
    private static readonly Dictionary<string, string[]> FactoryCodes = new(StringComparer.Ordinal)
    {
        ["AccountErrors.LockedOut"] = ["accounts.locked_out"],
        ["AccountErrors.LockedOutUntil"] = ["accounts.locked_out"],
        ["AccountErrors.Suspended"] = ["accounts.suspended"],
        ["AccountErrors.FromIdentity"] = ["validation_failed", "accounts.email_taken"],
        ["PeopleErrors.HandleCooldown"] = ["accounts.handle_cooldown"],
        ["ChatErrors.InvalidAttachments"] = ["chat.invalid_attachment"],
        ["ChatErrors.Overloaded"] = ["chat.overloaded"],
        ["MediaErrors.TooLarge"] = ["media.too_large"],
        ["MediaErrors.TooManyPixels"] = ["media.too_many_pixels"],
        ["MediaErrors.CropOutside"] = ["media.crop_outside"],
    };

    /// <summary>Codes that only the moderators' HTML pages or background work answer: not in the REST API, still in docs/api.md.</summary>
    private static readonly HashSet<string> NotInTheRestApi = new(StringComparer.Ordinal)
    {
        "accounts.deactivated", "accounts.not_admin", // the admin sign-in page
        "accounts.admin_protected", // a sanction from the moderators' pages
        "moderation.report_not_found", "moderation.not_a_message", "moderation.no_person", // the moderators' pages
        "moderation.invalid_action", "moderation.invalid_duration",
        "recommendation.training_in_progress", // a training run (ops tool, scheduler)
    };

    [Fact]
    public async Task Every_error_code_of_the_modules_is_in_the_document_and_in_api_md()
    {
        var codes = ModuleErrorCodes();
        var document = await DocumentAsync();
        var declared = Operations(document)
            .SelectMany(operation => operation.Operation["responses"]!.AsObject())
            .SelectMany(response => response.Value!["x-error-codes"]?.AsArray().Select(code => code!.GetValue<string>()) ?? [])
            .ToHashSet(StringComparer.Ordinal);
        var apiMd = await File.ReadAllTextAsync(Path.Combine(NginxProcess.RepositoryRoot, "docs", "api.md"));

        Assert.True(codes.Count > 80, $"only {codes.Count} codes found: is the reflection still right?");
        Assert.Empty(codes.Where(code => !NotInTheRestApi.Contains(code) && !declared.Contains(code)).Order());
        Assert.Empty(codes.Where(code => !apiMd.Contains($"`{code}`", StringComparison.Ordinal)).Order());
        Assert.Empty(NotInTheRestApi.Where(code => declared.Contains(code) || !codes.Contains(code)).Order()); // the list stays true
    }

    [Fact]
    public async Task Every_error_response_lists_its_codes()
    {
        var document = await DocumentAsync();

        var withoutCodes =
            from operation in Operations(document)
            from response in operation.Operation["responses"]!.AsObject()
            where int.Parse(response.Key, CultureInfo.InvariantCulture) >= 400 && response.Value!["x-error-codes"] is not JsonArray { Count: > 0 }
            select $"{operation.Name} {response.Key}";

        Assert.Empty(withoutCodes);
    }

    [Fact]
    public async Task Handler_codes_are_on_their_operations()
    {
        var paths = (await DocumentAsync())["paths"]!;

        var send = paths["/api/v1/chat/rooms/{roomId}/messages"]!["post"]!["responses"]!;
        Assert.Equal(["chat.room_not_found"], Codes(send["404"]!));
        Assert.Equal(["chat.rate_limited", "chat.overloaded"], Codes(send["429"]!));
        Assert.Equal(["chat.server_restarting"], Codes(send["503"]!));
        Assert.Contains("text.control_characters", Codes(send["400"]!));
        Assert.Contains("chat.invalid_attachment", Codes(send["400"]!));
        var login = paths["/api/v1/accounts/login"]!["post"]!["responses"]!;
        Assert.Equal(["accounts.invalid_credentials"], Codes(login["401"]!));
        Assert.Equal(["accounts.banned", "accounts.suspended"], Codes(login["403"]!));
        Assert.Equal(["accounts.locked_out", "rate_limited"], Codes(login["429"]!));
        var device = paths["/api/v1/notifications/devices"]!["put"]!["responses"]!;
        Assert.Contains("notifications.invalid_platform", Codes(device["400"]!));
        Assert.Equal(["notifications.session_required", "unauthorized"], Codes(device["401"]!));
        Assert.Equal(["recommendation.not_acquainted", "recommendation.blocked"], Codes(paths["/api/v1/recommendations/ratings/{userId}"]!["put"]!["responses"]!["403"]!));
        Assert.Equal(["moderation.already_reported"], Codes(paths["/api/v1/reports"]!["post"]!["responses"]!["409"]!));
    }

    /// <summary>Every code of the static <see cref="Error"/>s, the <c>…Code</c> constants and the factories of the modules' <c>*Errors</c> classes.</summary>
    private static HashSet<string> ModuleErrorCodes()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var classes = ModuleAssemblies.Select(Assembly.Load)
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: true, IsSealed: true } && type.Name.EndsWith("Errors", StringComparison.Ordinal));
        foreach (var type in classes)
        {
            const BindingFlags statics = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var field in type.GetFields(statics))
            {
                if (field.FieldType == typeof(Error))
                {
                    codes.Add(((Error)field.GetValue(null)!).Code);
                }
                else if (field is { IsLiteral: true } && field.FieldType == typeof(string) && field.Name.EndsWith("Code", StringComparison.Ordinal))
                {
                    codes.Add((string)field.GetRawConstantValue()!);
                }
            }

            foreach (var property in type.GetProperties(statics).Where(p => p.PropertyType == typeof(Error)))
            {
                codes.Add(((Error)property.GetValue(null)!).Code);
            }

            foreach (var method in type.GetMethods(statics).Where(m => m.ReturnType == typeof(Error) && !m.IsSpecialName && !m.IsPrivate))
            {
                var name = $"{type.Name}.{method.Name}";
                Assert.True(FactoryCodes.TryGetValue(name, out var made), $"{name} makes an Error: add its codes to {nameof(FactoryCodes)}.");
                codes.UnionWith(made);
            }
        }

        return codes;
    }

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select ($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!);

    private static IEnumerable<string> Codes(JsonNode response) => response["x-error-codes"]!.AsArray().Select(code => code!.GetValue<string>());

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await Api.Anonymous().GetStringAsync("/openapi/v1.json"))!;
}
