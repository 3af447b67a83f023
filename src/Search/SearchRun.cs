using System.Collections.Concurrent;
using System.Globalization;
using CaseRecord.Output;

namespace CaseRecord.Search;

/// <summary>
/// One search index of a site, made while its pages are written: each page Pagefind reads is
/// trimmed (<see cref="PagefindInput"/>) into a scratch folder as it comes, and each part of the
/// index is made as soon as its last page is in, one part after another, beside the rest of the
/// build. <see cref="Finish"/> waits for the last part and moves the parts into the site's pagefind/.
/// </summary>
/// <remarks>
/// Made after the whole site was written and read back from disk, the index cost the 10,000-article
/// build as much again as the build (bench/README.md). The parts are cut from the sorted paths the
/// site will have, as before, so the index does not depend on the order pages are rendered in.
/// Pages that come without being expected (or before any expectation) go into parts of their own,
/// made at the end: nothing handed on is left out.
/// </remarks>
public sealed class SearchRun : IStagedWork
{
    private readonly string? _program;
    private readonly string _site, _scratch;
    private readonly TextWriter _log;
    private readonly int _perIndex;
    private readonly CancellationTokenSource _stop;
    private readonly Lock _lock = new();
    // The part each expected page belongs to, and how many of each part's pages are still to come;
    // set once, before the pages come, and read by every page without a lock.
    private volatile IReadOnlyDictionary<string, int> _partOf = new Dictionary<string, int>();
    private int[] _waiting = [];
    private readonly ConcurrentDictionary<string, byte> _unexpected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _pages = new();
    private readonly List<int> _started = [];
    // Parts whose pages are all in, taken one at a time by a thread of the run's own. Not the thread
    // pool's: the render's parallel loop held every pool thread, and a part queued there waited
    // for a pool thread (seconds apiece). One at a time even once the render is done: two at once
    // saved a few seconds at 10,000 articles but took the build's memory, Pagefind's included,
    // from 1.1 GB to 1.7 GB, above Hugo's on the same pages.
    private readonly BlockingCollection<int> _ready = new();
    private readonly List<Thread> _runners = [];
    private volatile string? _failed;

    /// <param name="program">Pagefind's program; null when it is not installed (the site then ships without an index, and says so).</param>
    /// <param name="site">The site folder the index is made for (its pagefind/ is replaced); the scratch folder is made inside it and gone by the end.</param>
    internal SearchRun(string? program, string site, TextWriter log, int perIndex, CancellationToken cancel)
    {
        (_program, _site, _log, _perIndex) = (program, site, log, Math.Max(1, perIndex));
        _scratch = Path.Combine(site, $".search-{Guid.NewGuid():N}");
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
    }

    /// <summary>Pagefind's bundle folder, where the index goes.</summary>
    public string Folder => "pagefind";

    public bool Reads(string path) => _program is not null && SearchIndexer.Reads(path);

    public void Expect(IEnumerable<string> paths)
    {
        if (_program is null) return;
        var parts = SearchIndexer.Parts(paths.Where(SearchIndexer.Reads).Distinct(StringComparer.Ordinal), _perIndex);
        var partOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < parts.Count; n++)
            foreach (var page in parts[n]) partOf[page] = n + 1;
        lock (_lock)
        {
            if (_waiting.Length > 0) throw new InvalidOperationException("a search run is told once which pages will come");
            _waiting = [.. parts.Select(p => p.Count)];
            _partOf = partOf; // after the counts: a page that finds its part finds its count
        }
    }

    public void Page(string path, ReadOnlyMemory<char> text)
    {
        if (!Reads(path) || _stop.IsCancellationRequested) return;
        var part = _partOf.TryGetValue(path, out var n) ? n : 0;
        var target = Path.Combine(PagesFolder(part == 0 ? "unexpected" : Number(part)), path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, PagefindInput.Trim(text));
        if (part == 0)
        {
            _unexpected.TryAdd(path, 0);
            return;
        }
        _pages.AddOrUpdate(part, 1, (_, count) => count + 1);
        if (Interlocked.Decrement(ref _waiting[part - 1]) == 0) Start(part);
    }

    public bool Finish()
    {
        if (_program is null)
        {
            _log.WriteLine(SearchIndexer.NotInstalled);
            return true;
        }
        // Parts whose pages did not all come are made with those that did.
        for (var n = 1; n <= _waiting.Length; n++)
            if (Volatile.Read(ref _waiting[n - 1]) > 0 && _pages.ContainsKey(n)) Start(n);
        var unexpected = SearchIndexer.Parts(_unexpected.Keys, _perIndex);
        for (var k = 0; k < unexpected.Count; k++)
        {
            var part = _waiting.Length + k + 1;
            foreach (var page in unexpected[k])
            {
                var target = Path.Combine(PagesFolder(Number(part)), page);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(PagesFolder("unexpected"), page), target);
            }
            _pages[part] = unexpected[k].Count;
            Start(part);
        }
        lock (_lock) _ready.CompleteAdding();
        JoinAll();
        if (_stop.IsCancellationRequested) return true;
        if (_failed is { } failed)
        {
            _log.WriteLine($"error: search indexing failed: {failed}");
            return false;
        }
        List<int> made;
        lock (_lock) made = [.. _started.Order()];
        if (made.Count == 0)
        {
            _log.WriteLine("search: no article, speaker or organisation page, so no search index");
            return true;
        }
        // Numbered again in path order: the first is pagefind/ itself, the others under its parts/.
        var index = Path.Combine(_site, Folder);
        if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
        for (var k = 0; k < made.Count; k++)
        {
            var target = Path.TrimEndingDirectorySeparator(Path.Combine(index, SearchIndexer.PartPath(k + 1)));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.Move(Path.Combine(_scratch, "index-" + Number(made[k])), target);
        }
        if (made.Count > 1)
            File.WriteAllText(Path.Combine(index, SearchIndexer.PartsFile),
                System.Text.Json.JsonSerializer.Serialize(Enumerable.Range(2, made.Count - 1).Select(SearchIndexer.PartPath)));
        var pages = made.Sum(n => _pages[n]);
        _log.WriteLine(made.Count == 1 ? $"search: indexed {pages} pages" : $"search: indexed {pages} pages in {made.Count} indexes of at most {_perIndex}");
        Directory.Delete(_scratch, recursive: true);
        return true;
    }

    /// <summary>Queues Pagefind over one part: each run holds only its own part's words.</summary>
    private void Start(int part)
    {
        lock (_lock)
        {
            if (_started.Contains(part) || _ready.IsAddingCompleted) return;
            _started.Add(part);
            _ready.Add(part);
            if (_runners.Count == 0) AddRunner();
        }
    }

    private void AddRunner()
    {
        var runner = new Thread(() =>
        {
            try
            {
                foreach (var part in _ready.GetConsumingEnumerable()) Index(part);
            }
            catch (Exception e)
            {
                // Whatever it was, the build says so and fails rather than the process ending.
                _failed ??= e.Message;
            }
        }) { IsBackground = true, Name = "pagefind runs" };
        lock (_lock) _runners.Add(runner);
        runner.Start();
    }

    /// <summary>Waits for every thread of the run, those a run starts while others are waited for too (each clears its part's pages).</summary>
    private void JoinAll()
    {
        for (var joined = 0; ;)
        {
            Thread[] all;
            lock (_lock) all = [.. _runners];
            if (joined == all.Length) return;
            for (; joined < all.Length; joined++) all[joined].Join();
        }
    }

    private void Index(int part)
    {
        if (_failed is not null || _stop.IsCancellationRequested) return;
        var site = PagesFolder(Number(part));
        try
        {
            if (!SearchIndexer.Pagefind(_program!, site, Path.Combine(_scratch, "index-" + Number(part)), _pages[part], _stop.Token, out var said))
            {
                if (!_stop.IsCancellationRequested) _failed ??= said;
                return;
            }
            // Its pages go beside the next run, not before it: deleting 2,000 files and folders took 2-3 s.
            var clean = new Thread(() =>
            {
                try
                {
                    Directory.Delete(site, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Left for the scratch folder's own deletion at the end.
                }
            }) { IsBackground = true, Name = "pagefind scratch" };
            lock (_lock) _runners.Add(clean);
            clean.Start();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            // Pagefind's program could not be started, or the scratch folder written: the build says so and fails.
            _failed ??= e.Message;
        }
    }

    private string PagesFolder(string name) => Path.Combine(_scratch, "pages-" + name);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _stop.Cancel();
        // Stopped runs end at once (their processes are killed); none is left writing into the scratch folder.
        lock (_lock)
            if (!_ready.IsAddingCompleted) _ready.CompleteAdding();
        JoinAll();
        if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true);
        _stop.Dispose();
        _ready.Dispose();
    }
}
