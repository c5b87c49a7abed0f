using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Auth;
using ChatApp.Modules.Accounts.External;
using ChatApp.Modules.Chat.Invites;
using ChatApp.Modules.Moderation.Domain;
using ChatApp.Modules.Recommendation.Features.GetProfileScore;
using ChatApp.Modules.Recommendation.Features.GetRecommendations;

namespace ChatApp.IntegrationTests.Host;

/// <summary>What a client generator reads from /openapi/v1.json, checked by meaning (the snapshot checks every byte).</summary>
public sealed class OpenApiContractTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task The_upload_has_file_purpose_and_crop_fields()
    {
        var document = await DocumentAsync();

        var body = document["paths"]!["/api/v1/media/images"]!["post"]!["requestBody"]!;
        Assert.True(body["required"]!.GetValue<bool>());
        var form = body["content"]!["multipart/form-data"]!["schema"]!;
        Assert.Equal(["file", "purpose"], form["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        var fields = form["properties"]!;
        Assert.Equal("binary", fields["file"]!["format"]!.GetValue<string>());
        Assert.Contains("10485760 bytes", fields["file"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["avatar", "chat"], fields["purpose"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        foreach (var (name, minimum) in new[] { ("cropX", 0), ("cropY", 0), ("cropWidth", 1), ("cropHeight", 1) })
        {
            Assert.Equal("integer", fields[name]!["type"]!.GetValue<string>());
            Assert.Equal(minimum, fields[name]!["minimum"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Every_error_response_is_a_problem_with_a_code()
    {
        var document = await DocumentAsync();

        var problem = document["components"]!["schemas"]!["Problem"]!;
        Assert.Contains("code", problem["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        foreach (var member in new[] { "code", "traceId", "retryAfter", "errors", "status", "title", "detail" })
        {
            Assert.NotNull(problem["properties"]![member]);
        }

        Assert.DoesNotContain("ProblemDetails", document.ToJsonString(), StringComparison.Ordinal);
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 50, $"only {operations.Count} operations");
        foreach (var (name, operation) in operations)
        {
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("500"), $"{name} has no 500");
            if (operation["security"] is not null)
            {
                Assert.True(responses.ContainsKey("401"), $"{name} is authorised but has no 401");
            }

            foreach (var (status, response) in responses.Where(r => int.Parse(r.Key, CultureInfo.InvariantCulture) >= 400))
            {
                var content = response!["content"]?.AsObject();
                Assert.True(content is { Count: 1 }, $"{name} {status} has no single content type");
                Assert.Equal("#/components/schemas/Problem", content["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>());
            }
        }

        foreach (var rateLimited in new[] { "/api/v1/accounts/login", "/api/v1/accounts/register", "/api/v1/media/images" })
        {
            var tooMany = document["paths"]![rateLimited]!["post"]!["responses"]!["429"];
            Assert.NotNull(tooMany?["headers"]?["Retry-After"]);
        }

        Assert.Null(document["paths"]!["/api/v1/accounts/me"]!["get"]!["responses"]!["429"]); // no rate-limit policy there
    }

    [Fact]
    public async Task No_number_is_also_a_string()
    {
        var document = await DocumentAsync();

        var mixed = Types(document).Select(t => t.ToJsonString())
            .Where(t => t.Contains("\"string\"", StringComparison.Ordinal) && (t.Contains("integer", StringComparison.Ordinal) || t.Contains("number", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(mixed);
    }

    [Fact]
    public async Task Error_responses_list_their_codes()
    {
        var document = await DocumentAsync();

        var upload = document["paths"]!["/api/v1/media/images"]!["post"]!["responses"]!;
        Assert.Equal(["media.unsupported_format"], Codes(upload["415"]!));
        Assert.Contains("media.too_large", Codes(upload["413"]!));
        Assert.Contains("media.crop_outside", Codes(upload["400"]!));
        Assert.Contains("Codes: ", upload["415"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["rate_limited"], Codes(upload["429"]!));
        Assert.Equal(["unauthorized"], Codes(upload["401"]!));
        Assert.Equal(["media.not_found"], Codes(document["paths"]!["/api/v1/media/images/{mediaId}"]!["get"]!["responses"]!["404"]!));
        Assert.All(Operations(document), operation => Assert.Equal(["internal_error"], Codes(operation.Operation["responses"]!["500"]!)));
    }

    [Fact]
    public async Task Kinds_and_roles_are_enums()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;

        Assert.Equal(["direct", "group"], Enum(schemas["RoomResponse"]!["properties"]!["kind"]!));
        Assert.Equal(["owner", "admin", "member"], Enum(schemas["RoomMemberResponse"]!["properties"]!["role"]!));
        Assert.Equal(["avatar", "chat"], Enum(schemas["MediaImageResponse"]!["properties"]!["purpose"]!));
        Assert.Equal(["android", "ios", null], Enum(schemas["RegisterDeviceRequest"]!["properties"]!["platform"]!));
    }

    /// <summary>Each fixed set of strings the API sends or reads, with the constants the server's code uses for it.</summary>
    public static TheoryData<string, string, string[]> FixedSets => new()
    {
        { "NoticeResponse", "kind", NoticeKinds.All },
        { "NoticeResponse", "category", ReportReasons.All },
        { "NoticeResponse", "outcome", NoticeKinds.Outcomes },
        { "ReportResponse", "targetType", ReportTargetTypes.All },
        { "ReportResponse", "reason", ReportReasons.All },
        { "ReportResponse", "status", ReportStatuses.All },
        { "ReportResponse", "outcome", ModerationActions.ReportOutcomes },
        { "SubmitReportRequest", "reason", ReportReasons.All },
        { "SubmitReportRequest", "targetType", ReportTargetTypes.All },
        { "RecommendedPersonResponse", "source", RecommendationSources.All },
        { "ProfileScoreResponse", "status", ScoreStatuses.All },
        { "LinkedLoginResponse", "provider", [.. ExternalProviders.All] },
        { "DeleteAccountRequest", "provider", [.. ExternalProviders.All] },
        { "InviteResponse", "status", [InviteRules.Active, InviteRules.Expired, InviteRules.Revoked, InviteRules.UsedUp] },
        { "TokenResponse", "tokenType", [TokenResponse.BearerTokenType] },
    };

    [Theory]
    [MemberData(nameof(FixedSets))]
    public async Task Fixed_sets_are_enums_of_the_values_the_code_uses(string schema, string property, string[] values)
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;

        var member = schemas[schema]?["properties"]?[property];
        Assert.True(member is not null, $"{schema}.{property} is not in the document");
        Assert.Equal(values.Order(StringComparer.Ordinal), Enum(member).OfType<string>().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/accounts/external/{provider}", "post")]
    [InlineData("/api/v1/accounts/me/logins/{provider}", "post")]
    [InlineData("/api/v1/accounts/me/logins/{provider}", "delete")]
    public async Task The_provider_in_a_route_is_an_enum_of_the_providers(string path, string method)
    {
        var operation = (await DocumentAsync())["paths"]![path]![method]!;

        Assert.Equal(ExternalProviders.All.Order(StringComparer.Ordinal), Enum(Parameters(operation)["provider"]).OfType<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Request_limits_come_from_the_validators()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;

        var register = schemas["RegisterCommand"]!["properties"]!;
        Assert.Equal(256, register["email"]!["maxLength"]!.GetValue<int>());
        Assert.Equal("email", register["email"]!["format"]!.GetValue<string>());
        Assert.Equal(128, register["password"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(1, register["displayName"]!["minLength"]!.GetValue<int>());
        var score = schemas["RateUserRequest"]!["properties"]!["score"]!;
        Assert.Equal(1, score["minimum"]!.GetValue<int>());
        Assert.Equal(5, score["maximum"]!.GetValue<int>());
        Assert.Equal(64, schemas["SendMessageRequest"]!["properties"]!["clientMessageId"]!["maxLength"]!.GetValue<int>());
    }

    [Fact]
    public async Task Query_parameter_limits_come_from_the_validators()
    {
        var paths = (await DocumentAsync())["paths"]!;

        var messages = Parameters(paths["/api/v1/chat/rooms/{roomId}/messages"]!["get"]!);
        Assert.Equal(1, messages["limit"]!["minimum"]!.GetValue<int>());
        Assert.Equal(100, messages["limit"]!["maximum"]!.GetValue<int>());
        Assert.Equal(0, messages["before"]!["exclusiveMinimum"]!.GetValue<int>());
        Assert.Equal(0, messages["after"]!["minimum"]!.GetValue<int>());
        foreach (var path in new[] { "/api/v1/chat/search", "/api/v1/recommendations/for-me" })
        {
            var limit = Parameters(paths[path]!["get"]!)["limit"]!;
            Assert.Equal(1, limit["minimum"]!.GetValue<int>());
            Assert.Equal(50, limit["maximum"]!.GetValue<int>());
        }

        Assert.Equal(100, Parameters(paths["/api/v1/chat/search"]!["get"]!)["q"]!["maxLength"]!.GetValue<int>());
        var presence = Parameters(paths["/api/v1/chat/presence"]!["get"]!)["userIds"]!;
        Assert.Equal(1, presence["minItems"]!.GetValue<int>());
        Assert.Equal(500, presence["maxItems"]!.GetValue<int>());
        Assert.Equal(200, Parameters(paths["/api/v1/chat/blocks"]!["get"]!)["cursor"]!["maxLength"]!.GetValue<int>());
        Assert.Null(Parameters(paths["/api/v1/chat/rooms/{roomId}/messages"]!["get"]!)["roomId"]!["minimum"]); // no rule, no limit
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_a_bad_request()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();

        var response = await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/read", new { seq = "1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad_request", (await Problem.ReadAsync(response)).Code);
    }

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select ($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!);

    /// <summary>An operation's parameters' schemas by name.</summary>
    private static Dictionary<string, JsonNode> Parameters(JsonNode operation) =>
        operation["parameters"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["schema"]!, StringComparer.Ordinal);

    private static IEnumerable<string> Codes(JsonNode response) => response["x-error-codes"]!.AsArray().Select(code => code!.GetValue<string>());

    private static IEnumerable<string?> Enum(JsonNode schema) => schema["enum"]!.AsArray().Select(value => value?.GetValue<string>());

    /// <summary>Every <c>type</c> that is a list of types (<c>["integer", "string"]</c>, <c>["string", "null"]</c>).</summary>
    private static IEnumerable<JsonArray> Types(JsonNode? node) => node switch
    {
        JsonObject json => json.SelectMany(member => member is { Key: "type", Value: JsonArray types } ? [types] : Types(member.Value)),
        JsonArray array => array.SelectMany(Types),
        _ => [],
    };

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await Api.Anonymous().GetStringAsync("/openapi/v1.json"))!;
}
