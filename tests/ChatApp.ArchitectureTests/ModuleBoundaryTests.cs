using System.Reflection;
using ChatApp.BuildingBlocks.Events;
using NetArchTest.Rules;

namespace ChatApp.ArchitectureTests;

/// <summary>Modules talk only through Contracts; BuildingBlocks knows no module; Contracts stay free of module internals.</summary>
public sealed class ModuleBoundaryTests
{
    [Fact]
    public void The_host_runs_the_expected_modules()
    {
        Assert.Contains(Solution.ModuleAssemblies, a => a.GetName().Name == "ChatApp.Modules.Accounts");
        Assert.Contains(Solution.ModuleAssemblies, a => a.GetName().Name == "ChatApp.Modules.Chat");
        Assert.Contains(Solution.ModuleAssemblies, a => a.GetName().Name == "ChatApp.Modules.Media");
        Assert.Contains(Solution.ModuleAssemblies, a => a.GetName().Name == "ChatApp.Modules.Recommendation");
        Assert.Contains(Solution.ModuleAssemblies, a => a.GetName().Name == "ChatApp.Modules.Notifications");
        Assert.Contains(Solution.ModuleAssemblies, a => a.GetName().Name == "ChatApp.Modules.Moderation");
        Assert.All(Solution.ModuleAssemblies, module =>
            Assert.Contains(Solution.ContractsAssemblies, c => c.GetName().Name == module.GetName().Name + ".Contracts"));
    }

    [Fact]
    public void A_module_depends_on_no_other_module_except_through_its_contracts()
    {
        foreach (var module in Solution.ModuleAssemblies)
        {
            var forbidden = Solution.ModuleAssemblies.Where(other => other != module).SelectMany(Solution.TypeNames).ToArray();
            if (forbidden.Length == 0)
            {
                continue;
            }

            var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            Assert.True(result.IsSuccessful, $"{module.GetName().Name} uses internals of another module: {Failing(result)}");
        }
    }

    [Fact]
    public void A_module_project_references_only_building_blocks_and_contracts()
    {
        foreach (var module in Solution.ModuleAssemblies)
        {
            var chatAppReferences = module.GetReferencedAssemblies()
                .Select(r => r.Name!)
                .Where(name => name.StartsWith("ChatApp.", StringComparison.Ordinal));
            Assert.All(chatAppReferences, name => Assert.True(
                name == "ChatApp.BuildingBlocks" || name.EndsWith(".Contracts", StringComparison.Ordinal),
                $"{module.GetName().Name} references {name}"));
        }
    }

    [Fact]
    public void Building_blocks_reference_no_module()
    {
        var result = Types.InAssembly(Solution.BuildingBlocks).ShouldNot().HaveDependencyOn("ChatApp.Modules").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Contracts_depend_on_nothing_of_any_module_but_other_contracts()
    {
        foreach (var contracts in Solution.ContractsAssemblies)
        {
            var internals = Solution.ModuleAssemblies.SelectMany(Solution.TypeNames).ToArray();
            var result = Types.InAssembly(contracts).ShouldNot().HaveDependencyOnAny(internals).GetResult();
            Assert.True(result.IsSuccessful, Failing(result));
        }
    }

    [Fact]
    public void Integration_events_live_in_contracts_are_public_sealed_and_named_in_the_past_tense()
    {
        var events = Solution.ContractsAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => typeof(IIntegrationEvent).IsAssignableFrom(t) && !t.IsInterface)
            .ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.True(e.IsPublic && e.IsSealed, $"{e.Name} must be public sealed");
            Assert.EndsWith("IntegrationEvent", e.Name, StringComparison.Ordinal);
        });
        var misplaced = Solution.ModuleAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => typeof(IIntegrationEvent).IsAssignableFrom(t) && !t.IsInterface);
        Assert.Empty(misplaced);
    }

    internal static string Failing(TestResult result) =>
        string.Join(", ", result.FailingTypeNames ?? []);
}

internal static class Solution
{
    public static readonly Assembly BuildingBlocks = typeof(IIntegrationEvent).Assembly;

    private static readonly Assembly[] All = LoadSolutionAssemblies();

    public static IReadOnlyList<Assembly> ModuleAssemblies { get; } = All
        .Where(a => a.GetName().Name!.StartsWith("ChatApp.Modules.", StringComparison.Ordinal)
                    && !a.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal))
        .ToList();

    public static IReadOnlyList<Assembly> ContractsAssemblies { get; } = All
        .Where(a => a.GetName().Name!.StartsWith("ChatApp.Modules.", StringComparison.Ordinal)
                    && a.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal))
        .ToList();

    /// <summary>
    /// Full names of an assembly's types. NetArchTest matches dependencies by name prefix, so forbidding a module's
    /// namespace would also forbid its Contracts namespace; forbidding its types is exact.
    /// </summary>
    public static IEnumerable<string> TypeNames(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.FullName is not null && !t.FullName.Contains('<', StringComparison.Ordinal)).Select(t => t.FullName!);

    /// <summary>
    /// Every ChatApp assembly deployed with the host. Found from the files rather than from assembly references, which
    /// omit a project used only for its constants (they are compiled into the caller).
    /// </summary>
    private static Assembly[] LoadSolutionAssemblies()
    {
        _ = typeof(Program); // the host and all it references are copied next to this test assembly
        return Directory.GetFiles(AppContext.BaseDirectory, "ChatApp.*.dll")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Where(name => !name.EndsWith("Tests", StringComparison.Ordinal))
            .Select(name => Assembly.Load(new AssemblyName(name)))
            .ToArray();
    }
}
