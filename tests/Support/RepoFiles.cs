using CaseRecord.Content;

namespace CaseRecord.Tests.Support;

public static class RepoFiles
{
    /// <summary>Adds every file under a repository folder to an in-memory project, under <paramref name="prefix"/> (default: the same path; "" for the project root).</summary>
    public static MemoryContentSource AddFolder(this MemoryContentSource source, string folder, string? prefix = null, Func<string, bool>? include = null)
    {
        var root = Repo.PathOf(folder);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (include is not null && !include(relative)) continue;
            var under = prefix ?? folder;
            source.Add(under.Length == 0 ? relative : under + "/" + relative, File.ReadAllBytes(file));
        }
        return source;
    }

    /// <summary>The repository's own project (settings, content, seeds, theme) in memory.</summary>
    public static MemoryContentSource Project()
    {
        var source = new MemoryContentSource();
        foreach (var folder in new[] { "input", "seeds", "theme" }) source.AddFolder(folder);
        return source.Add("statiq.json", File.ReadAllBytes(Repo.PathOf("statiq.json")));
    }
}
