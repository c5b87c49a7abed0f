using System.Reflection;
using ChatApp.BuildingBlocks.Web;
using ChatApp.Modules.Chat.Realtime;

namespace ChatApp.UnitTests.Contracts;

/// <summary>
/// docs/contract/chat-hub.d.ts is what the mobile and web apps type-check against: it must say what the C# types say.
/// </summary>
public sealed class HubContractTests
{
    [Fact]
    public void The_TypeScript_hub_contract_matches_the_CSharp_types()
    {
        var path = Path.Combine(RepositoryRoot(), TypeScriptHubContract.RelativePath);
        var generated = TypeScriptHubContract.Generate();
        var received = path + ".received";
        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
            File.Delete(received);
            return;
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (committed == generated)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, generated);
        Assert.Fail(
            $"The hub's C# types and {TypeScriptHubContract.RelativePath} differ. The generated definitions are in {received}: "
            + $"if the change is intended, move it over the committed file (or run with UPDATE_CONTRACTS=1), review the diff "
            + "and say in docs/api.md what changed for clients.");
    }

    [Fact]
    public void Every_event_name_has_a_payload_type()
    {
        var names = typeof(ChatEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(names, ChatHubContract.Events.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_hub_method_is_in_the_contract()
    {
        var contract = TypeScriptHubContract.Generate();

        var methods = TypeScriptHubContract.HubMethods().Select(m => m.Name).ToList();
        Assert.Equal(["MarkRead", "SendMessage", "SendMessageWithAttachments", "Typing"], methods);
        Assert.All(methods, name => Assert.Contains($"  {name}: {{ args: [", contract, StringComparison.Ordinal));
    }

    [Fact]
    public void A_moderation_notice_event_names_every_kind_of_notice_and_no_other()
    {
        var kind = typeof(ModerationNoticeEvent).GetProperty(nameof(ModerationNoticeEvent.Kind))!.GetCustomAttribute<WireValuesAttribute>();

        Assert.NotNull(kind);
        Assert.Equal(ChatApp.Modules.Moderation.Domain.NoticeKinds.All.Order(StringComparer.Ordinal), kind.Values.Order(StringComparer.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatApp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ChatApp.sln above {AppContext.BaseDirectory}.");
    }
}
