using System.Reflection;
using System.Text.RegularExpressions;
using ChatApp.BuildingBlocks.UnitOfWork;
using Mediator;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace ChatApp.ArchitectureTests;

/// <summary>
/// The unit of work owns every transaction (with the few exemptions named here), and slices stay apart: one verb per
/// folder, shared rules outside slices, one main type per file.
/// </summary>
public sealed partial class UnitOfWorkAndSliceTests
{
    /// <summary>
    /// The one list of commands the unit of work treats differently, and why. Adding one is a design decision: write
    /// its reason here, on the attribute, and in docs/adr/0012.
    /// </summary>
    private static readonly Dictionary<string, TransactionExemption> Exemptions = new(StringComparer.Ordinal)
    {
        // A failed sign-in must still count towards lockout.
        ["ChatApp.Modules.Accounts.Features.Login.LoginCommand"] = TransactionExemption.CommitOnFailure,
        ["ChatApp.Modules.Accounts.Features.AdminSignIn.AdminSignInCommand"] = TransactionExemption.CommitOnFailure,
        // A wrong password must still count towards lockout, as a failed sign-in does.
        ["ChatApp.Modules.Accounts.Features.DeactivateAccount.DeactivateAccountCommand"] = TransactionExemption.CommitOnFailure,
        ["ChatApp.Modules.Accounts.Features.DeleteAccount.DeleteAccountCommand"] = TransactionExemption.CommitOnFailure,
        // A wrong current password given to link a provider counts towards lockout too.
        ["ChatApp.Modules.Accounts.Features.LinkLogin.LinkLoginCommand"] = TransactionExemption.CommitOnFailure,
        // A replayed refresh token must still revoke its session although the call fails.
        ["ChatApp.Modules.Accounts.Features.Refresh.RefreshCommand"] = TransactionExemption.CommitOnFailure,
        // A wrong mailed code must still count towards the mail's limit of wrong codes; a wrong password towards lockout.
        ["ChatApp.Modules.Accounts.Features.VerifyEmail.VerifyEmailCommand"] = TransactionExemption.CommitOnFailure,
        ["ChatApp.Modules.Accounts.Features.ResetPassword.ResetPasswordCommand"] = TransactionExemption.CommitOnFailure,
        ["ChatApp.Modules.Accounts.Features.ChangeEmail.ChangeEmailCommand"] = TransactionExemption.CommitOnFailure,
        ["ChatApp.Modules.Accounts.Features.ConfirmEmailChange.ConfirmEmailChangeCommand"] = TransactionExemption.CommitOnFailure,
        // The batched message writer stores many sends in one transaction of its own (MessageStore).
        ["ChatApp.Modules.Chat.Features.SendMessage.SendMessageCommand"] = TransactionExemption.OwnTransaction,
        // Training runs for minutes; its version row shows it training and stays, marked failed, when it fails.
        ["ChatApp.Modules.Recommendation.Features.TrainModel.TrainModelCommand"] = TransactionExemption.OwnTransaction,
        // Decoding takes seconds and storage objects cannot be rolled back: no transaction is held meanwhile.
        ["ChatApp.Modules.Media.Features.UploadImage.UploadImageCommand"] = TransactionExemption.OwnTransaction,
    };

    /// <summary>The only code that opens transactions: the unit of work, and the batched message store.</summary>
    private static readonly string[] TransactionOwners =
    [
        "ChatApp.BuildingBlocks.UnitOfWork.UnitOfWorkBehavior`2",
        // Issues a mail's tokens from an outbox handler (no unit of work there) with the user's row locked: one live pair.
        "ChatApp.Modules.Accounts.Email.AccountTokens",
        "ChatApp.Modules.Chat.Features.SendMessage.MessageStore",
        // Builds the search blocks of old rooms at start-up (a module initializer, no mediator there): one room per
        // transaction under the room's lock, as a send takes it, so a send never meets a half-built room.
        "ChatApp.Modules.Chat.Search.MessageSearchBackfill",
    ];

    private static IEnumerable<Type> ModuleTypes => Solution.ModuleAssemblies.SelectMany(a => a.GetTypes());

    [Fact]
    public void Only_the_named_commands_are_exempt_from_the_unit_of_work_and_each_says_why()
    {
        var exempt = ModuleTypes
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<TransactionExemptionAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();

        Assert.Equal(
            Exemptions.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}"),
            exempt.Select(x => $"{x.Type.FullName}: {x.Attribute!.Exemption}").Order(StringComparer.Ordinal));
        Assert.All(exempt, x => Assert.True(x.Attribute!.Reason.Length >= 20, $"{x.Type.Name} must say why it is exempt"));
        Assert.All(exempt, x => Assert.True(typeof(IBaseCommand).IsAssignableFrom(x.Type), $"{x.Type.Name} is not a command"));
    }

    [Fact]
    public void No_code_but_the_unit_of_work_and_the_message_store_opens_a_transaction()
    {
        var callers = Solution.ModuleAssemblies.Append(Solution.BuildingBlocks)
            .SelectMany(assembly => CallersOf(assembly, "BeginTransaction"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(TransactionOwners.Order(StringComparer.Ordinal), callers);
    }

    [Fact]
    public void A_slice_never_uses_a_type_of_another_slice()
    {
        foreach (var module in Solution.ModuleAssemblies)
        {
            var slices = module.GetTypes().Select(t => t.Namespace).OfType<string>().Where(IsSlice).Distinct().ToList();
            foreach (var slice in slices)
            {
                var others = module.GetTypes()
                    .Where(t => t.Namespace != slice && t.Namespace is { } ns && IsSlice(ns) && t.FullName is { } name && !name.Contains('<', StringComparison.Ordinal))
                    .Select(t => t.FullName!)
                    .ToArray();
                var result = Types.InAssembly(module).That().ResideInNamespaceMatching("^" + Regex.Escape(slice) + "$")
                    .ShouldNot().HaveDependencyOnAny(others).GetResult();
                Assert.True(result.IsSuccessful,
                    $"{slice} uses another slice's types: {string.Join(", ", result.FailingTypeNames ?? [])}. Move what both need to a shared folder (Domain/, Rooms/, ...).");
            }
        }
    }

    [Fact]
    public void A_slice_folder_holds_one_verb()
    {
        var requests = ModuleTypes
            .Where(t => t is { IsClass: true, IsAbstract: false } && (typeof(IBaseCommand).IsAssignableFrom(t) || typeof(IBaseQuery).IsAssignableFrom(t)))
            .GroupBy(t => t.Namespace!);

        Assert.All(requests, folder => Assert.True(folder.Count() == 1,
            $"{folder.Key} holds {string.Join(", ", folder.Select(t => t.Name))}: give each verb its own folder."));
        Assert.All(ModuleTypes.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Carter.ICarterModule).IsAssignableFrom(t)),
            endpoint => Assert.True(IsSlice(endpoint.Namespace!), $"{endpoint.FullName} is an endpoint outside a slice folder"));
    }

    [Fact]
    public void Outside_slice_files_each_file_holds_one_main_type_named_after_it()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Regex.IsMatch(path, @"[\\/](obj|bin|Migrations|Features)[\\/]") && Path.GetFileName(path) != "Program.cs")
            .Select(path => (Path: Path.GetRelativePath(src, path), Types: TopLevelType().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value).Distinct().ToList()))
            .Where(file => file.Types.Count > 1 || (file.Types.Count == 1 && file.Types[0] != Path.GetFileNameWithoutExtension(file.Path)))
            .Select(file => $"{file.Path}: {string.Join(", ", file.Types)}")
            .ToList();

        Assert.True(offenders.Count == 0, "One main type per file, named after it:\n" + string.Join("\n", offenders));
    }

    private static bool IsSlice(string ns) => SliceNamespace().IsMatch(ns);

    /// <summary>Top-level types whose method bodies (async state machines and lambdas included) call a method of that name.</summary>
    private static IEnumerable<string> CallersOf(Assembly assembly, string methodPrefix)
    {
        using var definition = AssemblyDefinition.ReadAssembly(assembly.Location);
        foreach (var type in definition.MainModule.GetTypes())
        {
            var calls = type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
                .Any(i => (i.OpCode == OpCodes.Call || i.OpCode == OpCodes.Callvirt) && i.Operand is MethodReference method
                          && method.Name.StartsWith(methodPrefix, StringComparison.Ordinal)
                          && method.DeclaringType.FullName.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
            if (calls)
            {
                var outer = type;
                while (outer.DeclaringType is not null)
                {
                    outer = outer.DeclaringType;
                }

                yield return outer.FullName;
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatApp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChatApp.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^ChatApp\.Modules\.\w+\.Features\.\w+$")]
    private static partial Regex SliceNamespace();

    [GeneratedRegex(@"^(?:public|internal|file)(?: (?:sealed|static|abstract|partial|readonly|ref))* (?:class|record struct|record|struct|interface|enum) (\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
