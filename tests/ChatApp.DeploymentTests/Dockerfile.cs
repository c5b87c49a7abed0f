namespace ChatApp.DeploymentTests;

/// <summary>One instruction of a Dockerfile: its keyword (upper case), its arguments as written, and its stage.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Stage);

/// <summary>A Dockerfile read as the builder reads it: comments dropped, continued lines joined, stages numbered.</summary>
internal sealed class Dockerfile
{
    private Dockerfile(List<DockerInstruction> instructions, List<string> stageNames)
    {
        Instructions = instructions;
        StageNames = stageNames;
    }

    public List<DockerInstruction> Instructions { get; }

    /// <summary>Each stage's name (<c>FROM image AS name</c>), or its base image when it has no name.</summary>
    public List<string> StageNames { get; }

    public int FinalStage => StageNames.Count - 1;

    public static Dockerfile Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        var stageNames = new List<string>();
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (pending.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
            {
                continue;
            }

            if (line.TrimStart().StartsWith('#'))
            {
                continue; // a comment inside a continued instruction
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }

            var whole = (pending + line.Trim()).Trim();
            pending = "";
            var space = whole.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (space < 0 ? whole : whole[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : whole[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stageNames.Add(parts.Length >= 3 && parts[^2].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[^1] : parts[0]);
            }

            instructions.Add(new DockerInstruction(keyword, arguments, stageNames.Count - 1));
        }

        return new Dockerfile(instructions, stageNames);
    }

    public IEnumerable<DockerInstruction> InStage(int stage) => Instructions.Where(i => i.Stage == stage);

    public int StageNamed(string name) => StageNames.FindIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is var index and >= 0
        ? index
        : throw new Xunit.Sdk.XunitException($"No stage named {name}");
}
