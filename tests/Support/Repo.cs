namespace CaseRecord.Tests.Support;

/// <summary>Finds the repository the tests run from, so tests can use the real theme and seed site.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Site.csproj"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Site.csproj not found above " + AppContext.BaseDirectory);
    }

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
