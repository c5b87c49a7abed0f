using YamlDotNet.RepresentationModel;

namespace ChatApp.DeploymentTests;

/// <summary>Reads YAML documents (merge keys and aliases resolved, as Compose and Kubernetes read them) and walks them.</summary>
internal static class Yaml
{
    public static List<YamlMappingNode> LoadAll(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => Merged(d.RootNode)).OfType<YamlMappingNode>().ToList();
    }

    /// <summary>
    /// A copy with merge keys (<c>&lt;&lt;: *anchor</c>) applied as Compose applies them: the mapping's own keys win over
    /// merged ones (YamlDotNet's MergingParser refuses such overrides as duplicate keys).
    /// </summary>
    private static YamlNode Merged(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var result = new YamlMappingNode();
                var merge = new YamlScalarNode("<<");
                foreach (var (key, value) in mapping.Children.Where(kv => !kv.Key.Equals(merge)))
                {
                    result.Children[key] = Merged(value);
                }

                if (mapping.Children.TryGetValue(merge, out var merged))
                {
                    var sources = merged is YamlSequenceNode list ? list.Children : [merged];
                    foreach (var source in sources.Select(Merged).OfType<YamlMappingNode>())
                    {
                        foreach (var (key, value) in source.Children.Where(kv => !result.Children.ContainsKey(kv.Key)))
                        {
                            result.Children[key] = value;
                        }
                    }
                }

                return result;
            case YamlSequenceNode sequence:
                return new YamlSequenceNode(sequence.Children.Select(Merged));
            default:
                return node;
        }
    }

    public static YamlNode? Find(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static YamlMappingNode Map(this YamlNode node, params string[] path) =>
        node.Find(path) as YamlMappingNode ?? throw new Xunit.Sdk.XunitException($"No mapping at {string.Join('.', path)} in:\n{node}");

    public static IReadOnlyList<YamlNode> Seq(this YamlNode node, params string[] path) =>
        node.Find(path) is YamlSequenceNode sequence ? sequence.Children.ToList() : [];

    public static string? Str(this YamlNode node, params string[] path) => (node.Find(path) as YamlScalarNode)?.Value;

    /// <summary>The scalars of a sequence (e.g. <c>capabilities.drop</c>, <c>args</c>).</summary>
    public static List<string> Scalars(this YamlNode node, params string[] path) =>
        node.Seq(path).OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList();

    public static bool Has(this YamlNode node, params string[] path) => node.Find(path) is not null;

    public static IEnumerable<string> Keys(this YamlMappingNode node) => node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!);

    /// <summary>A Compose list or mapping (<c>environment</c>, <c>depends_on</c>) as key/value pairs.</summary>
    public static Dictionary<string, string?> Pairs(this YamlNode? node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            kv => ((YamlScalarNode)kv.Key).Value!,
            kv => kv.Value is YamlScalarNode scalar ? scalar.Value : kv.Value.ToString()),
        YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>()
            .Select(s => s.Value!.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : null),
        _ => [],
    };
}
