using System.Diagnostics;
using System.Globalization;
using CaseRecord.Output;
using CaseRecord.Search;

namespace CaseRecord.Preview;

/// <summary>What makes the preview's search index: Pagefind (<see cref="PagefindTool"/>), or in tests one they control.</summary>
public interface ISearchIndexTool
{
    /// <summary>Why no index can be made here (Pagefind not installed: npm ci), in one line; null when it can.</summary>
    string? Unavailable();

    /// <summary>Whether the tool reads this file of the built site (only those are copied to disk for it).</summary>
    bool Reads(string path);

    /// <summary>Writes the index of the site in <paramref name="site"/> into its pagefind/ folder, made as <paramref name="how"/> says; false if that failed.</summary>
    bool Run(string site, string linkRoot, SearchIndexSettings how, TextWriter log, CancellationToken cancel);
}

/// <summary>Pagefind run by <see cref="SearchIndexer"/>, as a build to disk runs it, with the project's settings for it.</summary>
public sealed class PagefindTool(string projectRoot) : ISearchIndexTool
{
    public string? Unavailable() => SearchIndexer.Missing(projectRoot);
    public bool Reads(string path) => SearchIndexer.Reads(path);
    public bool Run(string site, string linkRoot, SearchIndexSettings how, TextWriter log, CancellationToken cancel) => how.Indexer(log).Run(site, projectRoot, cancel);
}

/// <summary>
/// The preview's search index, made in the background after good builds so that the save → reload
/// path never waits for it: a burst of builds is indexed once, when the builds have been quiet for
/// a moment, and a newer build stops a run under way. The files a run needs are kept in a scratch
/// folder (only those that changed are written again); the index it makes is held in memory and
/// served under pagefind/ until the next one replaces it.
/// </summary>
public sealed class PreviewSearchIndex : IAsyncDisposable
{
    public const string Folder = "pagefind/";

    private readonly ISearchIndexTool _tool;
    private readonly TextWriter _log;
    private readonly TimeSpan _quiet;
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"case-record-preview-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, OutputFile> _written = new(StringComparer.Ordinal);
    private (IReadOnlyDictionary<string, OutputFile> Files, string LinkRoot, SearchIndexSettings How, int Number)? _latest;
    private CancellationTokenSource? _running;
    private int _requested;
    private volatile int _settled;
    private string? _said;
    private volatile IReadOnlyDictionary<string, byte[]> _index = new Dictionary<string, byte[]>();
    private volatile IReadOnlyDictionary<string, byte[]> _before = new Dictionary<string, byte[]>();
    private readonly Task _loop;
    private int _disposed;

    /// <param name="quiet">How long after the last build a run starts.</param>
    public PreviewSearchIndex(ISearchIndexTool tool, TextWriter log, TimeSpan quiet)
    {
        _tool = tool;
        _log = log;
        _quiet = quiet;
        _loop = Task.Run(Loop);
    }

    /// <summary>Indexes made so far; tests wait on it.</summary>
    public int Made => Volatile.Read(ref _made);
    private int _made;

    /// <summary>Runs stopped by a newer build; tests read it.</summary>
    public int Stopped => Volatile.Read(ref _stopped);
    private int _stopped;

    /// <summary>Raised after each index is made and served.</summary>
    public event Action? Indexed;

    /// <summary>A build is waiting to be indexed or being indexed (the search page is told to try again shortly).</summary>
    public bool Pending => _settled < Volatile.Read(ref _requested);

    /// <summary>Asks for the index of this build, made as <paramref name="how"/> says (the project's settings; by default as a build's defaults make it); a newer request supersedes an older one, even one under way. Off, the index is dropped.</summary>
    public void Update(IReadOnlyDictionary<string, OutputFile> files, string linkRoot, bool enabled, SearchIndexSettings? how = null)
    {
        lock (_lock)
        {
            _running?.Cancel();
            if (!enabled)
            {
                _latest = null;
                _settled = _requested;
                _index = _before = new Dictionary<string, byte[]>();
                return;
            }
            _latest = (files, linkRoot, how ?? new SearchIndexSettings(), ++_requested);
        }
        _signal.Release();
    }

    /// <summary>A file of the index by its path in the site (pagefind/…); the last index's files still answer while a page that began with it loads the rest.</summary>
    public bool TryGetFile(string path, out ReadOnlyMemory<byte> content)
    {
        content = default;
        if (!path.StartsWith(Folder, StringComparison.Ordinal)) return false;
        if (!_index.TryGetValue(path, out var bytes) && !_before.TryGetValue(path, out bytes)) return false;
        content = bytes;
        return true;
    }

    private async Task Loop()
    {
        try
        {
            while (true)
            {
                await _signal.WaitAsync(_stop.Token);
                // Each build in a burst starts the wait again; only the last is indexed.
                while (await _signal.WaitAsync(_quiet, _stop.Token)) { }
                (IReadOnlyDictionary<string, OutputFile> Files, string LinkRoot, SearchIndexSettings How, int Number) job;
                CancellationTokenSource run;
                lock (_lock)
                {
                    if (_latest is not { } latest || latest.Number <= _settled) continue;
                    job = latest;
                    run = _running = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                }
                try
                {
                    Index(job.Files, job.LinkRoot, job.How, job.Number, run.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The scratch folder unwritable, or a bug: the preview goes on without search, and says so.
                    Settle(job.Number, $"search: the preview's search index could not be made: {e.Message}");
                }
                finally
                {
                    lock (_lock) _running = null;
                    run.Dispose();
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private void Index(IReadOnlyDictionary<string, OutputFile> files, string linkRoot, SearchIndexSettings how, int number, CancellationToken cancel)
    {
        if (_tool.Unavailable() is { } why)
        {
            Settle(number, why);
            return;
        }
        var clock = Stopwatch.StartNew();
        var site = Path.Combine(_scratch, "site");
        var made = Path.Combine(site, "pagefind");
        if (Directory.Exists(made)) Directory.Delete(made, recursive: true);
        Mirror(files, site, cancel);
        if (cancel.IsCancellationRequested) { Interlocked.Increment(ref _stopped); return; }
        var said = new StringWriter();
        var ok = _tool.Run(site, linkRoot, how, said, cancel);
        if (cancel.IsCancellationRequested) { Interlocked.Increment(ref _stopped); return; }
        var lines = said.ToString().Trim();
        if (!ok || !Directory.Exists(made))
        {
            Settle(number, lines.Length > 0 ? lines : "search: the preview's search index was not made");
            return;
        }
        var index = Directory.EnumerateFiles(made, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Folder + Path.GetRelativePath(made, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes, StringComparer.Ordinal);
        Directory.Delete(made, recursive: true);
        // Served even when a newer build is waiting: an index a save old is better than none.
        lock (_lock)
        {
            _before = _index;
            _index = index;
        }
        var last = lines.Split('\n').LastOrDefault(l => l.StartsWith("search:", StringComparison.Ordinal))?.Trim() ?? "search: index made";
        Settle(number, null);
        _log.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {last} for the preview in {clock.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms");
        Interlocked.Increment(ref _made);
        Indexed?.Invoke();
    }

    /// <summary>Brings the scratch copy of the files the tool reads up to this build: writes what differs, deletes what went.</summary>
    private void Mirror(IReadOnlyDictionary<string, OutputFile> files, string site, CancellationToken cancel)
    {
        foreach (var (path, file) in files)
        {
            if (cancel.IsCancellationRequested) return;
            if (!_tool.Reads(path) || (_written.TryGetValue(path, out var had) && had.SameBytes(file))) continue;
            var target = Path.Combine(site, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using (var stream = File.Create(target))
                foreach (var piece in file.Pieces) stream.Write(piece.Span);
            _written[path] = file;
        }
        foreach (var gone in _written.Keys.Where(p => !files.ContainsKey(p) || !_tool.Reads(p)).ToList())
        {
            File.Delete(Path.Combine(site, gone.Replace('/', Path.DirectorySeparatorChar)));
            _written.Remove(gone);
        }
    }

    /// <summary>A run has ended without an index to serve: the page stops waiting, and why is said once (not at every save).</summary>
    private void Settle(int number, string? why)
    {
        lock (_lock) if (number > _settled) _settled = number;
        if (why is not null && why != _said) _log.WriteLine(why);
        _said = why;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        lock (_lock) _running?.Cancel();
        _stop.Cancel();
        try { await _loop.WaitAsync(TimeSpan.FromSeconds(10)); } catch (TimeoutException) { }
        _stop.Dispose();
        try { if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
