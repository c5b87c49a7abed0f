using System.Text;
using System.Text.RegularExpressions;

namespace ChatApp.DeploymentTests;

/// <summary>
/// .dockerignore as Docker applies it: patterns in order, the last one that matches a path (or one of its parent
/// folders) decides, <c>!</c> re-includes; <c>*</c> and <c>?</c> stay within one path segment, <c>**</c> spans any number.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Include, string Text)> _rules;

    private DockerIgnore(List<(Regex, bool, string)> rules) => _rules = rules;

    public static DockerIgnore Parse(string text) => new(text.Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.StartsWith('!') ? (ToRegex(line[1..]), true, line[1..].Trim('/')) : (ToRegex(line), false, line.Trim('/')))
        .ToList());

    /// <summary>Whether a path relative to the context (forward slashes) is sent to the builder.</summary>
    public bool Includes(string path)
    {
        var included = true;
        foreach (var (pattern, include, _) in _rules)
        {
            if (MatchesItselfOrParent(pattern, path))
            {
                included = include;
            }
        }

        return included;
    }

    /// <summary>The files of <paramref name="root"/> that the builder receives, relative, with forward slashes.</summary>
    public List<string> Context(string root)
    {
        var files = new List<string>();
        Walk(new DirectoryInfo(root), "");
        return files;

        void Walk(DirectoryInfo directory, string prefix)
        {
            foreach (var file in directory.EnumerateFiles())
            {
                if (Includes(prefix + file.Name))
                {
                    files.Add(prefix + file.Name);
                }
            }

            foreach (var child in directory.EnumerateDirectories())
            {
                // An excluded folder is walked only if a "!" pattern could bring back something inside it.
                var path = prefix + child.Name;
                if (Includes(path) || _rules.Any(r => r.Include && CouldReach(r.Text, path)))
                {
                    Walk(child, prefix + child.Name + "/");
                }
            }
        }
    }

    private static bool CouldReach(string pattern, string folder)
    {
        var literal = pattern[..(pattern.IndexOfAny(['*', '?', '[']) is var wildcard and >= 0 ? wildcard : pattern.Length)];
        return literal.StartsWith(folder + "/", StringComparison.Ordinal) || (folder + "/").StartsWith(literal, StringComparison.Ordinal);
    }

    private static bool MatchesItselfOrParent(Regex pattern, string path)
    {
        var segments = path.Split('/');
        for (var count = 1; count <= segments.Length; count++)
        {
            if (pattern.IsMatch(string.Join('/', segments.Take(count))))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex ToRegex(string pattern)
    {
        pattern = pattern.Trim('/');
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
