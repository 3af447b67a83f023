using System.Diagnostics;

namespace CaseRecord.Search;

/// <summary>
/// Runs Pagefind over a built site when Node.js and the npm package are there; otherwise says so
/// in one line and the site ships without its search index (everything else works).
/// </summary>
public sealed class SearchIndexer(TextWriter log)
{
    /// <summary>Why no index can be made here, in one line (Node or the npm package missing); null when it can.</summary>
    public static string? Missing(string projectRoot) =>
        FindOnPath("node") is null ? "search: Node.js is not installed, so the site has no search index; install Node and run 'npm ci' to add it"
        : FindPagefind(projectRoot) is null ? "search: the npm package 'pagefind' is not installed, so the site has no search index; run 'npm ci' to add it"
        : null;

    /// <summary>Whether search-index.mjs reads this file of a built site (the preview copies only these to disk for it).</summary>
    public static bool Reads(string path) =>
        // search-index.mjs's glob: {articles,speakers,organisations}/*/index.html (a page each, not the paged lists).
        path.Split('/') is [ "articles" or "speakers" or "organisations", _, "index.html" ];

    /// <returns>false only when indexing was attempted and failed.</returns>
    /// <param name="cancel">Ends the indexing (a newer build in the preview): Node is stopped and the run counts as not failed.</param>
    public bool Run(string outputDir, string projectRoot, string linkRoot, CancellationToken cancel = default)
    {
        if (Missing(projectRoot) is { } missing)
        {
            log.WriteLine(missing);
            return true;
        }
        var node = FindOnPath("node")!;
        var pagefind = FindPagefind(projectRoot)!;
        // Unique per run: several builds may run at once in one process (tests, a preview beside a build).
        var script = Path.Combine(Path.GetTempPath(), $"case-record-search-{Environment.ProcessId}-{Guid.NewGuid():N}.mjs");
        using (var resource = typeof(SearchIndexer).Assembly.GetManifestResourceStream("CaseRecord.Search.search-index.mjs")!)
        using (var file = File.Create(script))
            resource.CopyTo(file);
        try
        {
            var start = new ProcessStartInfo(node, [script, outputDir, pagefind, linkRoot])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var stop = cancel.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } });
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (cancel.IsCancellationRequested) return true;
            var said = (stdout.Result + stderr.Result).Trim();
            if (process.ExitCode != 0)
            {
                log.WriteLine($"error: search indexing failed: {said}");
                return false;
            }
            log.WriteLine(said.Split('\n').LastOrDefault(l => l.StartsWith("search:", StringComparison.Ordinal)) ?? "search: index written");
            return true;
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>Which tools would make the index (their paths, sizes and times): a site built with other tools, or none, is not the same site.</summary>
    public static string Identity(string projectRoot)
    {
        static string Of(string? file)
        {
            if (file is null) return "none";
            var info = new FileInfo(file);
            return $"{file}:{info.Length}:{info.LastWriteTimeUtc.Ticks}";
        }
        var pagefind = FindPagefind(projectRoot);
        var package = pagefind is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(pagefind)!)!, "package.json");
        return $"node {Of(FindOnPath("node"))}; pagefind {Of(pagefind)}; {Of(package is not null && File.Exists(package) ? package : null)}";
    }

    private static string? FindOnPath(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The project's own node_modules first, then the generator's (a checkout of this repository).</summary>
    private static string? FindPagefind(string projectRoot)
    {
        var places = new List<string> { projectRoot, Environment.CurrentDirectory };
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null) { places.Add(dir.FullName); dir = dir.Parent; }
        foreach (var place in places)
        {
            var candidate = Path.Combine(place, "node_modules", "pagefind", "lib", "index.js");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
