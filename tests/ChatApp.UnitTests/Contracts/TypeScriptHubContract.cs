using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApp.BuildingBlocks.Web;
using ChatApp.Modules.Chat.Realtime;

namespace ChatApp.UnitTests.Contracts;

/// <summary>
/// Writes the chat hub's contract as TypeScript definitions (docs/contract/chat-hub.d.ts) from the C# types: the payload
/// of every event (<see cref="ChatHubContract.Events"/>), the arguments and result of every public method of
/// <see cref="ChatHub"/>, and the error codes. Members are camelCase, as the JSON protocol sends them.
/// </summary>
internal sealed class TypeScriptHubContract
{
    public const string RelativePath = "docs/contract/chat-hub.d.ts";

    private readonly NullabilityInfoContext nullability = new();
    private readonly SortedDictionary<string, Type> interfaces = new(StringComparer.Ordinal);

    public static string Generate() => new TypeScriptHubContract().Write();

    /// <summary>The hub's own methods that clients call (not the connection lifecycle it overrides).</summary>
    public static IReadOnlyList<MethodInfo> HubMethods() =>
        typeof(ChatHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(ChatHub))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();

    private string Write()
    {
        var events = ChatHubContract.Events.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"  {e.Key}: {TypeOf(e.Value, null)};")
            .ToList();
        var methods = HubMethods().Select(Method).ToList();
        var output = new StringBuilder();
        output.Append(
            $$"""
            // The ChatApp chat hub (SignalR at /hubs/chat), JSON protocol. GENERATED from the C# types: do not edit.
            // Regenerate: UPDATE_CONTRACTS=1 dotnet test tests/ChatApp.UnitTests --filter FullyQualifiedName~HubContractTests
            // (generator: tests/ChatApp.UnitTests/Contracts/TypeScriptHubContract.cs; prose: docs/api.md, "Realtime").
            // Guids and times are strings (times ISO 8601 UTC); with the MessagePack protocol members are PascalCase.
            //
            // A refused call rejects with an Error whose message holds the code after "HubException: " (SignalR's own
            // prefix comes first), e.g. "An unexpected error occurred invoking 'SendMessage' on the server.
            // HubException: chat.room_not_found: No such room." Read the code with:
            //   /{{ChatHubContract.ErrorMessagePattern}}/
            // A call SignalR cannot dispatch (unknown method, wrong argument types) fails with no code: a client bug.

            """);
        output.Append('\n');
        foreach (var (name, type) in interfaces)
        {
            output.Append("export interface ").Append(name).Append(" {\n");
            foreach (var property in Properties(type))
            {
                output.Append("  ").Append(MemberName(property)).Append(": ").Append(PropertyType(property)).Append(";\n");
            }

            output.Append("}\n\n");
        }

        output.Append("/** Server-to-client events: name → payload (the handler's single argument). */\nexport interface ChatHubEvents {\n");
        output.AppendJoin('\n', events).Append("\n}\n\n");
        output.Append("/** Client-to-server methods: name → positional arguments and the result the invocation resolves to. */\nexport interface ChatHubMethods {\n");
        output.AppendJoin('\n', methods).Append("\n}\n\n");
        output.Append("/** Codes a refused call can carry; accept unknown ones too (the pipeline may add others). */\nexport type ChatHubErrorCode =\n");
        foreach (var code in ChatHubContract.ErrorCodes.Order(StringComparer.Ordinal))
        {
            output.Append("  | \"").Append(code).Append("\"\n");
        }

        output.Append("  | (string & {});\n");
        return output.ToString();
    }

    /// <summary>A property's type; a string with <see cref="WireValuesAttribute"/> is the union of its values.</summary>
    private string PropertyType(PropertyInfo property)
    {
        var info = nullability.Create(property);
        if (property.GetCustomAttribute<WireValuesAttribute>() is not { } wire)
        {
            return TypeOf(property.PropertyType, info);
        }

        var union = string.Join(" | ", wire.Values.Select(value => JsonSerializer.Serialize(value)));
        return info.ReadState == NullabilityState.Nullable ? union + " | null" : union;
    }

    private string Method(MethodInfo method)
    {
        var arguments = method.GetParameters()
            .Where(p => p.ParameterType != typeof(CancellationToken))
            .Select(p => $"{p.Name}: {TypeOf(p.ParameterType, nullability.Create(p))}");
        var returned = method.ReturnType;
        var result = returned == typeof(Task) || returned == typeof(void)
            ? "void"
            : returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Task<>)
                ? TypeOf(returned.GetGenericArguments()[0], nullability.Create(method.ReturnParameter).GenericTypeArguments[0])
                : throw new NotSupportedException($"{method.Name} returns {returned}: hub methods return Task or Task<T>.");
        return $"  {method.Name}: {{ args: [{string.Join(", ", arguments)}]; result: {result} }};";
    }

    private string TypeOf(Type type, NullabilityInfo? info)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeOf(underlying, null) + " | null";
        }

        var name = NonNull(type, info);
        return info?.ReadState == NullabilityState.Nullable && !type.IsValueType ? name + " | null" : name;
    }

    private string NonNull(Type type, NullabilityInfo? info)
    {
        if (type == typeof(string) || type == typeof(Guid) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan))
        {
            return "string";
        }

        if (type == typeof(bool))
        {
            return "boolean";
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return "number";
        }

        if (type.IsEnum)
        {
            throw new NotSupportedException($"{type.Name}: an enum on the hub needs a decision on its wire form (names or numbers) first.");
        }

        if (type.IsArray)
        {
            return Element(type.GetElementType()!, info?.ElementType);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IEnumerable<>)
                || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IList<>)))
        {
            return Element(type.GetGenericArguments()[0], info?.GenericTypeArguments[0]);
        }

        if (type.IsGenericType || !(type.IsClass || type.IsValueType))
        {
            throw new NotSupportedException($"{type}: not mapped to TypeScript yet (extend {nameof(TypeScriptHubContract)}).");
        }

        if (interfaces.TryAdd(type.Name, type))
        {
            foreach (var property in Properties(type))
            {
                TypeOf(property.PropertyType, nullability.Create(property)); // discover nested types
            }
        }
        else if (interfaces[type.Name] != type)
        {
            throw new NotSupportedException($"Two payload types are named {type.Name}: {interfaces[type.Name]} and {type}.");
        }

        return type.Name;
    }

    private string Element(Type element, NullabilityInfo? info)
    {
        var name = TypeOf(element, info);
        return name.Contains('|', StringComparison.Ordinal) ? $"({name})[]" : name + "[]";
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .OrderBy(p => p.MetadataToken);

    private static string MemberName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}
