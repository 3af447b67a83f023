using System.Diagnostics;
using System.Text.RegularExpressions;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Hostile;

/// <summary>A build killed at any moment leaves the previous output as it was (or, once swapped in, the whole new one).</summary>
[Collection(nameof(HostileInputTests))]
[Trait("Category", "Slow")]
public sealed class InterruptedBuildTests
{
    private static void MakeManyArticles(TempProject project, int count)
    {
        var article = File.ReadAllText(project.PathOf("input/articles/thornton-refuses-responsibility.md"));
        for (var i = 1; i <= count; i++)
        {
            var copy = Regex.Replace(article, @"(  - id: |    of: )([a-z-]+)", m => $"{m.Groups[1].Value}{m.Groups[2].Value}-{i}");
            File.WriteAllText(project.PathOf($"input/articles/copy-{i}.md"), copy.Replace("title: Chief constable", $"title: Copy {i} of chief constable"));
        }
    }

    /// <summary>Builds in a child process; the exit code, with what it printed when it failed.</summary>
    private static string Build(TempProject project)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "Site.dll"), "build", "--root", project.Root])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? "0" : $"{process.ExitCode}\n{output}\n{error.Result}";
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            // The site's own files, but not the search tool's output, which varies from run to run.
            .Where(f => !f.Contains("/pagefind/"))
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Killing_a_build_at_any_moment_never_leaves_a_half_written_site()
    {
        using var project = new TempProject(Repo.Root);
        MakeManyArticles(project, 60);
        { var built = Build(project); Assert.True(built == "0", built); }
        var before = Snapshot(project.PathOf("output"));

        foreach (var file in Directory.EnumerateFiles(project.PathOf("input/articles")))
            File.WriteAllText(file, File.ReadAllText(file).Replace("publisher: Oxford Mail", "publisher: Oxford Mail (second edition)"));
        using (var after = new TempProject())
        {
            // What the new content builds to, for a kill that lands after the swap.
            TempProject.CopyDirectory(project.PathOf("input"), after.PathOf("input"));
            TempProject.CopyDirectory(project.PathOf("seeds"), after.PathOf("seeds"));
            TempProject.CopyDirectory(project.PathOf("theme"), after.PathOf("theme"));
            File.Copy(project.PathOf("statiq.json"), after.PathOf("statiq.json"));
            { var built = Build(after); Assert.True(built == "0", built); }
            var complete = Snapshot(after.PathOf("output"));

            var dll = Path.Combine(AppContext.BaseDirectory, "Site.dll");
            foreach (var delay in new[] { 150, 400, 700, 1000, 1300, 1700, 2200 })
            {
                using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", dll, "build", "--root", project.Root]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
                Thread.Sleep(delay);
                try { process.Kill(); } catch (InvalidOperationException) { }
                process.WaitForExit();
                var now = Snapshot(project.PathOf("output"));
                var same = now.Count == before.Count && now.All(kv => before.TryGetValue(kv.Key, out var h) && h == kv.Value);
                var whole = now.Count == complete.Count && now.All(kv => complete.TryGetValue(kv.Key, out var h) && h == kv.Value);
                Assert.True(same || whole, $"killed after {delay} ms: the output is neither the previous site nor the new one");
                if (whole) before = now;
            }
        }
        // The next good build clears what killed builds left beside the output.
        { var built = Build(project); Assert.True(built == "0", built); }
        Assert.Empty(Directory.EnumerateDirectories(project.Root, ".output.new-*"));
    }
}
