using Carter;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChatApp.ArchitectureTests;

/// <summary>Slices are internal; names say the role.</summary>
public sealed class VisibilityAndNamingTests
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(ICommandHandler<,>), typeof(ICommandHandler<>), typeof(IQueryHandler<,>), typeof(IRequestHandler<,>),
        typeof(IRequestHandler<>), typeof(INotificationHandler<>),
    ];

    private static IEnumerable<Type> ModuleTypes =>
        Solution.ModuleAssemblies.SelectMany(a => a.GetTypes()).Where(t => !t.IsNested || t.IsNestedPublic);

    public static TheoryData<string> Roles => new() { "handler", "validator", "endpoint", "dbcontext" };

    [Theory]
    [MemberData(nameof(Roles))]
    public void Handlers_validators_endpoints_and_db_contexts_are_not_public(string role)
    {
        var types = TypesInRole(role).ToList();

        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.False(t.IsVisible, $"{t.FullName} ({role}) must not be public"));
    }

    [Fact]
    public void Handlers_validators_and_endpoints_are_sealed()
    {
        var types = TypesInRole("handler").Concat(TypesInRole("validator")).Concat(TypesInRole("endpoint"));

        Assert.All(types, t => Assert.True(t.IsSealed, $"{t.FullName} must be sealed"));
    }

    [Fact]
    public void Names_say_the_role()
    {
        Assert.All(TypesInRole("handler"), t => Assert.EndsWith("Handler", t.Name, StringComparison.Ordinal));
        Assert.All(TypesInRole("validator"), t => Assert.EndsWith("Validator", t.Name, StringComparison.Ordinal));
        Assert.All(TypesInRole("endpoint"), t => Assert.EndsWith("Endpoint", t.Name, StringComparison.Ordinal));
        Assert.All(ModuleTypes.Where(t => Implements(t, typeof(IBaseCommand)) && t.IsClass),
            t => Assert.EndsWith("Command", t.Name, StringComparison.Ordinal));
        Assert.All(ModuleTypes.Where(t => Implements(t, typeof(IBaseQuery)) && t.IsClass),
            t => Assert.EndsWith("Query", t.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void A_slice_lives_in_a_feature_folder_named_by_its_verb()
    {
        var slices = TypesInRole("handler").Concat(TypesInRole("endpoint"));

        Assert.All(slices, t => Assert.Matches(@"^ChatApp\.Modules\.\w+\.Features\.\w+$", t.Namespace));
    }

    private static IEnumerable<Type> TypesInRole(string role) => role switch
    {
        "handler" => ModuleTypes.Where(t => t.IsClass && !t.IsAbstract && t.GetInterfaces().Any(i =>
            i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()))),
        "validator" => ModuleTypes.Where(t => t.IsClass && !t.IsAbstract && typeof(IValidator).IsAssignableFrom(t)),
        "endpoint" => ModuleTypes.Where(t => t.IsClass && typeof(ICarterModule).IsAssignableFrom(t)),
        "dbcontext" => ModuleTypes.Where(t => t.IsClass && typeof(DbContext).IsAssignableFrom(t)),
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    private static bool Implements(Type type, Type contract) => contract.IsAssignableFrom(type);
}
