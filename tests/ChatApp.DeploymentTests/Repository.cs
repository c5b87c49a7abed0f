namespace ChatApp.DeploymentTests;

/// <summary>The repository the tests run in: the folder with ChatApp.sln above the test binaries.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatApp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ChatApp.sln not found above " + AppContext.BaseDirectory);
    }
}
