// Times what a preview session does, inside one process and without the server: a first build,
// then rebuilds after editing one article's title, then (with --theme) after editing the theme.
// Prints each rebuild's stages and the collector's work. Restores every file it edits.
//   dotnet run -c Release --project bench/Session -- PROJECT [ARTICLE=input/articles/article-005000.md] [RUNS=4] [--theme]
using System.Diagnostics;
using System.Text.RegularExpressions;
using CaseRecord.Building;
using CaseRecord.Content;

var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var root = Path.GetFullPath(positional[0]);
var article = positional.Length > 1 ? positional[1] : "input/articles/article-005000.md";
var runs = positional.Length > 2 ? int.Parse(positional[2], System.Globalization.CultureInfo.InvariantCulture) : 4;
// As the preview reads the project: stamps and listings kept until a change at that path is seen.
var source = new CaseRecord.Preview.WatchedContentSource(new DiskContentSource(root));
var builder = new SiteBuilder(source, new Dictionary<string, string>());
var previous = new PreviousBuild();

BuildResult Timed(string what)
{
    // An editor pauses between saves, and the preview collects the last rebuild's garbage then (PreviewSession.Loop).
    Thread.Sleep(500);
    GC.Collect(1, GCCollectionMode.Forced, blocking: true);
    var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    var (allocated, paused) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
    var clock = Stopwatch.StartNew();
    (var result, previous) = builder.Build(null, previous);
    Console.WriteLine($"{what}: {clock.ElapsedMilliseconds} ms, {result.Stats.PagesRendered} of {result.Stats.Pages} pages rendered, {result.Changed.Length} files changed");
    Console.WriteLine("  " + string.Join(" · ", result.Stats.Stages.Select(s => $"{s.Stage} {s.Time.TotalMilliseconds:0} ms")));
    Console.WriteLine($"  collections {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, " +
        $"{(GC.GetTotalAllocatedBytes() - allocated) >> 20} MB allocated, {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms paused");
    if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(5)));
    return result;
}

void Edited(string relative, Func<string, string> change, Action rebuild)
{
    var path = Path.Combine(root, relative);
    var original = File.ReadAllText(path);
    try
    {
        File.WriteAllText(path, change(original));
        source.Forget([relative], contentOnly: true);
        rebuild();
    }
    finally
    {
        File.WriteAllText(path, original);
        source.Forget([relative], contentOnly: true);
    }
}

Timed("first build");
for (var i = 0; i < runs; i++)
    Edited(article, t => Regex.Replace(t, "^title: .*$", $"title: Edited {i}", RegexOptions.Multiline), () => Timed($"article edit {i + 1}"));
if (args.Contains("--theme"))
    Edited("theme/assets/site.css", t => t + "\n/* edited */\n", () => Timed("theme edit"));
