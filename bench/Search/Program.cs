using System.Diagnostics;
using CaseRecord.Search.Builtin;

// Times the generator's own search indexing apart from the build, on the pages of a built site:
// reading every article, speaker and organisation page as the render hands it on (one thread,
// one reader, as a render thread does), then writing the index from what was read. Rounds in
// turn, so a change to the reader or the writer is compared in one process, not across noisy builds.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Search -- OUTPUT [ROUNDS=5] [PAGEFIND_PROGRAM]");
    return 2;
}
var output = args[0];
var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
var program = args.Length > 2 ? args[2] : CaseRecord.Search.SearchIndexer.FindPagefind(Environment.CurrentDirectory)
    ?? throw new InvalidOperationException(CaseRecord.Search.SearchIndexer.NotInstalled);
var pages = new[] { "articles", "speakers", "organisations" }
    .SelectMany(folder => Directory.Exists(Path.Combine(output, folder)) ? Directory.EnumerateDirectories(Path.Combine(output, folder)) : [])
    .Select(folder => Path.Combine(folder, "index.html")).Where(File.Exists)
    .Select(file => (Path: Path.GetRelativePath(output, file).Replace('\\', '/'), Text: File.ReadAllText(file).AsMemory()))
    .OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
Console.WriteLine($"{pages.Count} pages, {pages.Sum(p => (long)p.Text.Length) / 1e6:F1} M characters");
// The index is written into a folder in memory where there is one, unless TMPDIR names another: on
// this project's disk (ext4 without a journal) each new file is slowed by the files the last round
// deleted, and the write's time was more the disk's than the writer's (CPU 2.2-3.4 s against
// 0.86-1.5 s in memory).
var scratchRoot = Environment.GetEnvironmentVariable("TMPDIR") is not { Length: > 0 } && Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
Console.WriteLine($"index written into {scratchRoot} (TMPDIR to change)");
var process = Process.GetCurrentProcess();
for (var round = 1; round <= rounds; round++)
{
    var vocabulary = new Vocabulary();
    var reader = new PageReader(vocabulary);
    var read = new List<SearchPage>(pages.Count);
    GC.Collect();
    var (cpu, allocated, clock) = (process.TotalProcessorTime, GC.GetAllocatedBytesForCurrentThread(), Stopwatch.StartNew());
    var (paused, gen0, gen1) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1));
    foreach (var (path, text) in pages)
        read.Add(reader.ReadWhole(BuiltinSearchRun.Url(path), text, out var why) ?? throw new InvalidOperationException($"{path}: {why}"));
    process.Refresh();
    var readCpu = process.TotalProcessorTime - cpu;
    Console.Write($"round {round}: read {clock.ElapsedMilliseconds} ms (CPU {readCpu.TotalMilliseconds:F0} ms), allocated {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6:F0} MB, collector paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms in {GC.CollectionCount(0) - gen0} collections ({GC.CollectionCount(1) - gen1} of gen 1)");
    var scratch = Path.Combine(scratchRoot, $"search-bench-{Guid.NewGuid():N}");
    try
    {
        var lexicon = Lexicon.Ask(program, vocabulary.Words, Path.Combine(scratch, "words"), default, out var said) ?? throw new InvalidOperationException(said);
        var folder = Path.Combine(scratch, "pagefind");
        Directory.CreateDirectory(folder);
        GC.Collect();
        process.Refresh();
        (cpu, allocated, clock) = (process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), Stopwatch.StartNew());
        (paused, gen0, gen1) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1));
        IndexWriter.Write(read, vocabulary.Words, lexicon, folder);
        process.Refresh();
        Console.WriteLine($"; write {clock.ElapsedMilliseconds} ms (CPU {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms), allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB, collector paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms in {GC.CollectionCount(0) - gen0} collections ({GC.CollectionCount(1) - gen1} of gen 1)");
    }
    finally
    {
        Directory.Delete(scratch, recursive: true);
    }
}
return 0;
