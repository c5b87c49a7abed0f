using YamlDotNet.RepresentationModel;

namespace ChatApp.DeploymentTests;

/// <summary>k8s/ rendered as `kubectl apply -k` would send it (kubectl's built-in kustomize).</summary>
internal static class Kustomize
{
    public static async Task<List<YamlMappingNode>> RenderAsync(string directory)
    {
        var (exitCode, output) = await Processes.RunAsync("kubectl", ["kustomize", directory], Repository.Root, TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, "kubectl kustomize failed: " + output);
        return Yaml.LoadAll(output);
    }

    public static string Kind(this YamlNode node) => node.Str("kind") ?? "";

    public static string Name(this YamlNode node) => node.Str("metadata", "name") ?? "";

    /// <summary>The pod spec of a workload (Deployment, StatefulSet, DaemonSet, Job; CronJob's job template).</summary>
    public static YamlMappingNode? PodSpec(this YamlNode node) =>
        node.Find("spec", "template", "spec") as YamlMappingNode ?? node.Find("spec", "jobTemplate", "spec", "template", "spec") as YamlMappingNode;

    public static IEnumerable<YamlMappingNode> Containers(this YamlMappingNode podSpec) =>
        podSpec.Seq("containers").Concat(podSpec.Seq("initContainers")).OfType<YamlMappingNode>();
}
