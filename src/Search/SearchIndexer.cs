using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CaseRecord.Search;

/// <summary>
/// Makes a built site's Pagefind search index when the npm package is there; otherwise says so in
/// one line and the site ships without its search index (everything else works).
/// </summary>
/// <remarks>
/// By default the generator writes the index itself (<see cref="Builtin.BuiltinSearchRun"/>) and
/// asks Pagefind's program only how it indexes the build's words; the rest of this class is the
/// program's own path, kept for pages the generator's reader does not model and for
/// SearchIndexWrittenByGenerator=false. Pagefind's own program is run, not its Node API: the API's writeFiles builds the index twice
/// (its service builds it, then the library's write builds it again), which cost a fifth of
/// Pagefind's time, and Node itself added nothing. It reads the article, speaker and
/// organisation pages (each marked with data-pagefind-body, its kind and its filters), one record
/// a page, trimmed first to what it reads (<see cref="PagefindInput"/>). Every paragraph (#pN)
/// and every key figure's row keeps its id, so the search page (theme/assets/search.js) makes each
/// of them its own result again. A record a paragraph and a figure fed through the API one call
/// at a time cost several times the build itself (bench/README.md).
/// </remarks>
public sealed class SearchIndexer(TextWriter log, int pagesPerIndex = 2000, bool written = true)
{
    /// <summary>The pages Pagefind reads, in the scratch folder as in the site.</summary>
    private const string Glob = "{articles,speakers,organisations}/*/index.html";

    /// <summary>Where the indexes after the first go, under the first's folder; and the file that lists them for the search page.</summary>
    public const string PartsFolder = "parts/";
    public const string PartsFile = "parts.json";

    /// <summary>What a build without Pagefind says, in one line.</summary>
    public const string NotInstalled = "search: the npm package 'pagefind' is not installed, so the site has no search index; install Node and run 'npm ci' to add it";

    /// <summary>Why no index can be made here, in one line (the npm package or its program missing); null when it can.</summary>
    public static string? Missing(string projectRoot) => FindPagefind(projectRoot) is null ? NotInstalled : null;

    /// <summary>Whether the indexer reads this file of a built site (the preview copies only these to disk for it).</summary>
    public static bool Reads(string path) =>
        // The glob: {articles,speakers,organisations}/*/index.html (a page each, not the paged lists).
        path.Split('/') is [ "articles" or "speakers" or "organisations", _, "index.html" ];

    /// <summary>
    /// The pages cut into indexes of at most <paramref name="perIndex"/>, in path order. Pagefind
    /// holds every page's words until it writes (3 GB at 10,000 articles); one index after another,
    /// each of a few thousand pages, holds only its own, and the search page merges them (Pagefind's mergeIndex).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Parts(IEnumerable<string> pages, int perIndex) =>
        [.. pages.Order(StringComparer.Ordinal).Chunk(Math.Max(1, perIndex))];

    /// <summary>Where part <paramref name="number"/> (from 1) of the index goes, relative to the first's folder (pagefind/): the first is that folder itself.</summary>
    public static string PartPath(int number) => number <= 1 ? "" : $"{PartsFolder}{number}/";

    /// <summary>Pages read between the rounds of asking Pagefind's program about the words so far (tests); by default a quarter of the pages.</summary>
    internal int? RoundEvery { get; init; }

    /// <summary>An index of the site in <paramref name="site"/>, made from its pages as they are handed to the run (a build to disk hands them on as it writes them).</summary>
    /// <remarks>By default the generator writes the index (<see cref="Builtin.BuiltinSearchRun"/>); with <c>written</c> false, Pagefind's program reads the pages and writes it (<see cref="SearchRun"/>).</remarks>
    public Output.IStagedWork Start(string projectRoot, string site, CancellationToken cancel = default) =>
        written
            ? new Builtin.BuiltinSearchRun(FindPagefind(projectRoot), site, log, pagesPerIndex, cancel, RoundEvery)
            : new SearchRun(FindPagefind(projectRoot), site, log, pagesPerIndex, cancel);

    /// <summary>Indexes a site already on disk (the preview's copy of its pages) into its pagefind/ folder.</summary>
    /// <returns>false only when indexing was attempted and failed.</returns>
    /// <param name="cancel">Ends the indexing (a newer build in the preview): Pagefind is stopped and the run counts as not failed.</param>
    public bool Run(string outputDir, string projectRoot, CancellationToken cancel = default)
    {
        using var run = Start(projectRoot, outputDir, cancel);
        var pages = PagesOf(outputDir).ToList();
        run.Expect(pages);
        try
        {
            Parallel.ForEach(pages, new ParallelOptions { CancellationToken = cancel }, page =>
                run.Page(page, File.ReadAllText(Path.Combine(outputDir, page)).AsMemory()));
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        return run.Finish();
    }

    /// <summary>Runs Pagefind's program over one part; false, with what it said, if it failed or was stopped.</summary>
    internal static bool Pagefind(string program, string site, string index, int pages, CancellationToken cancel, out string said)
    {
        var start = new ProcessStartInfo(program, Arguments(site, index, pages))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var stop = cancel.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } });
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        said = (stdout.Result + stderr.Result).Trim();
        return !cancel.IsCancellationRequested && process.ExitCode == 0;
    }

    /// <summary>How many pages' records share one file of the index (Pagefind's fragment groups).</summary>
    public const int PagesPerFragmentFile = 8;

    /// <summary>What Pagefind's program is told: the <paramref name="pages"/> pages in <paramref name="site"/>, the index into <paramref name="index"/>.</summary>
    /// <remarks>
    /// A table's column headings (thead: Figure, Value, Share, Source in every article's key
    /// figures) are not what a reader searches for, and made every article a hit for those words.
    /// The pages' records are written eight to a file rather than one a file: creating 1,304
    /// files cost Pagefind 1.9-2.8 s of system time against 0.6-0.8 s for 163, and a group of
    /// eight is about 6 KB gzipped, which a result fetches instead of its own 1-2 KB.
    /// </remarks>
    public static IReadOnlyList<string> Arguments(string site, string index, int pages) =>
        ["--site", site, "--glob", Glob, "--force-language", "en", "--exclude-selectors", "thead",
         "--max-fragments", Math.Max(1, (pages + PagesPerFragmentFile - 1) / PagesPerFragmentFile).ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--output-path", index, "--quiet"];

    /// <summary>The pages Pagefind reads, as paths relative to the site (with '/' between folders, as the site's own paths).</summary>
    internal static IEnumerable<string> PagesOf(string site) =>
        new[] { "articles", "speakers", "organisations" }
            .Select(folder => Path.Combine(site, folder))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Select(folder => Path.Combine(folder, "index.html"))
            .Where(File.Exists)
            .Select(page => Path.GetRelativePath(site, page).Replace('\\', '/'));

    /// <summary>Which tool would make the index (its path, size and time): a site built with another, or none, is not the same site.</summary>
    public static string Identity(string projectRoot)
    {
        static string Of(string? file)
        {
            if (file is null) return "none";
            var info = new FileInfo(file);
            return $"{file}:{info.Length}:{info.LastWriteTimeUtc.Ticks}";
        }
        return $"pagefind {Of(FindPagefind(projectRoot))}";
    }

    /// <summary>
    /// Pagefind's program as its npm package installs it (@pagefind/PLATFORM-ARCH), or as
    /// PAGEFIND_EXTENDED_BINARY_PATH or PAGEFIND_BINARY_PATH name it, as the package's own
    /// launcher allows (bench/pagefind-time.sh measures Pagefind so); the project's own
    /// node_modules first, then the generator's (a checkout of this repository).
    /// </summary>
    public static string? FindPagefind(string projectRoot)
    {
        foreach (var variable in new[] { "PAGEFIND_EXTENDED_BINARY_PATH", "PAGEFIND_BINARY_PATH" })
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } named && File.Exists(named)) return named;
        var platform = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : "linux";
        var arch = RuntimeInformation.OSArchitecture switch { Architecture.X64 => "x64", Architecture.Arm64 => "arm64", var other => other.ToString().ToLowerInvariant() };
        var exe = OperatingSystem.IsWindows() ? ".exe" : "";
        var places = new List<string> { projectRoot, Environment.CurrentDirectory };
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null) { places.Add(dir.FullName); dir = dir.Parent; }
        foreach (var place in places)
            foreach (var program in new[] { "pagefind_extended", "pagefind" })
            {
                var candidate = Path.Combine(place, "node_modules", "@pagefind", $"{platform}-{arch}", "bin", program + exe);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
