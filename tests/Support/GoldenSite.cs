using System.Text;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Output;

namespace CaseRecord.Tests.Support;

/// <summary>
/// An example site under tests/sites/ built with the repository's theme, and its pages compared
/// with its expected/ folder. After a deliberate change to the theme or the generator, run with
/// UPDATE_GOLDEN=1 and review the diff of expected/ before committing.
/// </summary>
public static class GoldenSite
{
    public static (BuildResult Result, MemorySink Output) Build(string folder)
    {
        var source = new MemoryContentSource()
            .AddFolder(folder, "", rel => !rel.StartsWith("expected/", StringComparison.Ordinal))
            .AddFolder("theme");
        var sink = new MemorySink();
        return (new SiteBuilder(source, new Dictionary<string, string>()).Build(sink), sink);
    }

    public static void AssertPagesMatch(string folder, MemorySink output)
    {
        var expectedRoot = Repo.PathOf(folder + "/expected");
        var pages = output.Files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)).ToDictionary();
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            if (Directory.Exists(expectedRoot)) Directory.Delete(expectedRoot, recursive: true);
            foreach (var (path, bytes) in pages)
            {
                var target = Path.Combine(expectedRoot, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, bytes);
            }
        }
        var expected = Directory.EnumerateFiles(expectedRoot, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(expectedRoot, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, pages.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var path in expected)
        {
            var want = File.ReadAllText(Path.Combine(expectedRoot, path));
            var got = Encoding.UTF8.GetString(pages[path]);
            Assert.True(want == got, $"{path} differs from {folder}/expected/{path}; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff.\n{FirstDifference(want, got)}");
        }
    }

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        var from = Math.Max(0, i - 80);
        return $"expected …{a[from..Math.Min(a.Length, i + 80)]}…\nactual   …{b[from..Math.Min(b.Length, i + 80)]}…";
    }
}
