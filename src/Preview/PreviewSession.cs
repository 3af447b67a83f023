using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Preview;

/// <summary>
/// One editor's preview: builds into memory, serves the last good build, rebuilds on change (one
/// build at a time; changes during a build queue exactly one more) and tells open pages to
/// reload, or shows them the errors.
/// </summary>
public sealed class PreviewSession : IAsyncDisposable
{
    private readonly BuildOptions _options;
    private readonly PreviewServerOptions _serverOptions;
    private readonly bool _watch;
    private readonly TextWriter _log;
    private PreviousBuild _previous = new();
    private readonly SiteBuilder _builder;
    private readonly LiveReloadHub _hub = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Lock _lock = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _sessionId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8];
    private volatile SnapshotFiles _files = SnapshotFiles.Empty;
    private volatile string _buildId = "";
    private int _builds;
    private PreviewServer? _server;
    private DebouncedWatcher? _watcher;
    private readonly WatchedContentSource? _source;
    private Task? _loop;

    /// <summary>How long after the last good build the search index is made: a burst of saves is indexed once.</summary>
    private static readonly TimeSpan IndexQuiet = TimeSpan.FromSeconds(1);

    /// <param name="project">Wraps the project as the builder reads it; tests pass one that fails as a bug would.</param>
    /// <param name="searchIndex">Make the search index after good builds (when the site's SearchIndex setting is on and Pagefind is installed).</param>
    public PreviewSession(BuildOptions options, PreviewServerOptions serverOptions, bool watch, TextWriter log,
        Func<IContentSource, IContentSource>? project = null, bool searchIndex = false)
    {
        Search = searchIndex ? new PreviewSearchIndex(new PagefindTool(options.Root), log, IndexQuiet) : null;
        _options = options;
        _serverOptions = serverOptions;
        _watch = watch;
        _log = log;
        var settings = new Dictionary<string, string>(options.Settings, StringComparer.OrdinalIgnoreCase);
        // A site served under a virtual directory must link under it, as on a GitHub Pages project site.
        if (serverOptions.VirtualDir.Trim('/').Length > 0 && !settings.ContainsKey("LinkRoot"))
            settings["LinkRoot"] = "/" + serverOptions.VirtualDir.Trim('/');
        // Watched, the project's stamps and listings are kept between builds and forgotten as the watcher sees changes.
        var disk = new DiskContentSource(options.Root);
        _source = watch ? new WatchedContentSource(disk) : null;
        var source = _source ?? (IContentSource)disk;
        _builder = new SiteBuilder(project?.Invoke(source) ?? source, settings);
    }

    public string Url => _server?.Url ?? "";
    public LiveReloadHub Hub => _hub;
    public string BuildId => _buildId;
    public int Builds => Volatile.Read(ref _builds);

    /// <summary>The search index made beside the builds; null when the session makes none.</summary>
    public PreviewSearchIndex? Search { get; }

    /// <summary>Raised after every build, good or bad; tests wait on it.</summary>
    public event Action<BuildResult>? Built;

    public async Task StartAsync()
    {
        // Watching starts before the first build, so nothing saved during it goes unseen.
        // The watcher tells the source what to forget as each change is seen, so its bursts need not.
        if (_watch) _watcher = new DebouncedWatcher(_options.Root, TimeSpan.FromMilliseconds(100), Queue,
            (seen, listing) => _source?.Forget([seen], contentOnly: !listing));
        Build(["(start)"]);
        _server = await PreviewServer.StartAsync(_serverOptions, () => Search is null ? _files : new WithSearchIndex(_files, Search), _hub, () => _buildId);
        if (_watch) _loop = Task.Run(Loop);
    }

    /// <summary>Asks for a rebuild because of these changed paths; coalesced with others waiting.</summary>
    public void Request(IReadOnlyCollection<string> changes)
    {
        _source?.Forget(changes);
        Queue(changes);
    }

    private void Queue(IReadOnlyCollection<string> changes)
    {
        lock (_lock) foreach (var c in changes) _pending.Add(c);
        _signal.Release();
    }

    /// <summary>How long the project must be left alone before the session collects the last rebuild's garbage.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    /// <summary>Collections made while the editor was quiet; tests read it.</summary>
    public int IdleCollections => Volatile.Read(ref _idleCollections);
    private int _idleCollections;

    /// <summary>Edits rehearsed after the first build (see <see cref="Rehearse"/>); tests read it.</summary>
    public int Rehearsals => Volatile.Read(ref _rehearsals);
    private int _rehearsals;

    private async Task Loop()
    {
        // A rebuild's garbage, left in the young generations, would be collected in the middle of a
        // later rebuild, stopping all its threads; collected once the editor has paused, the next
        // rebuild usually starts with room (figures in bench/README.md).
        var untidy = true;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (!await _signal.WaitAsync(untidy ? Quiet : Timeout.InfiniteTimeSpan, _stop.Token))
                {
                    if (_rehearsals == 0) Rehearse();
                    GC.Collect(1, GCCollectionMode.Forced, blocking: true);
                    Interlocked.Increment(ref _idleCollections);
                    untidy = false;
                    continue;
                }
                while (_signal.Wait(0)) { }
                string[] changes;
                lock (_lock)
                {
                    changes = [.. _pending.Order(StringComparer.Ordinal)];
                    _pending.Clear();
                }
                if (changes.Length == 0) continue;
                Build(changes);
                untidy = true;
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>
    /// Rebuilds once as if an article had been saved, while the editor reads the first build, so
    /// the code of an edit's rebuild (index update, choice of pages, merge) is compiled then and the
    /// first real save is as quick as the later ones. The site it makes is the one already served,
    /// so nothing is told unless the project changed meanwhile.
    /// </summary>
    private void Rehearse()
    {
        Interlocked.Increment(ref _rehearsals);
        Guarded([], () =>
        {
            if (_previous.ForgettingOneArticle() is not { } rehearsal) return;
            _previous = rehearsal;
            if (Run([], out var time) is { } result && (!result.Succeeded || result.Changed.Length > 0))
                Publish([], result, time);
        });
    }

    private void Build(IReadOnlyCollection<string> changes) => Guarded(changes, () =>
    {
        if (Run(changes, out var time) is { } result) Publish(changes, result, time);
    });

    /// <summary>
    /// Runs a rebuild so that no exception ends the session: one that is not the project's (those
    /// are diagnostics) is a bug, reported as an internal error while the last good site stays
    /// served, and the next change rebuilds.
    /// </summary>
    private void Guarded(IReadOnlyCollection<string> changes, Action rebuild)
    {
        try
        {
            rebuild();
        }
        catch (Exception e)
        {
            // A build that threw returned no value for the next; starting afresh trusts nothing it touched.
            _previous = new PreviousBuild();
            ReportInternalError(changes, e);
        }
    }

    /// <summary>One build into the session's cache; null (and the error reported) if the project could not be read.</summary>
    private BuildResult? Run(IReadOnlyCollection<string> changes, out string time)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            (var result, _previous) = _builder.Build(null, _previous);
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file vanished or was locked mid-read; the watcher will report its next state.
            Report(changes, [Diagnostic.Error(new SourcePosition(".", 1, 1), $"could not read the project: {e.Message}")]);
            return null;
        }
        finally
        {
            time = clock.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        }
    }

    private void Publish(IReadOnlyCollection<string> changes, BuildResult result, string time)
    {
        // Editors' tools leave temporary files in the burst; name the files that are really there.
        var real = changes.Where(c => File.Exists(Path.Combine(_options.Root, c))).ToList();
        var what = Describe(real.Count > 0 ? real : changes);
        if (!result.Succeeded)
        {
            Report(changes, result.Diagnostics);
            _log.WriteLine($"{Now()} {what}: build failed in {time} ms; still serving the last good build");
        }
        else
        {
            var summary = new WarningSummary(result.Diagnostics);
            foreach (var line in summary.Lines(_options.Verbose)) _log.WriteLine(line);
            var warnings = Warnings(summary);
            var n = Interlocked.Increment(ref _builds);
            var pagesRewritten = result.Changed.Count(p => p.EndsWith(".html", StringComparison.Ordinal));
            _files = new SnapshotFiles(result.FilesByPath);
            // Only asked for here; made in the background, so the reload below does not wait for it.
            if (result.Changed.Length > 0) Search?.Update(result.FilesByPath, result.Settings.LinkRoot, result.Settings.SearchIndex, SearchIndexing.Of(result.Settings));
            if (result.Changed.Length > 0) _buildId = $"{_sessionId}-{n}";
            _hub.SetState(_buildId, null, warnings);
            if (result.Changed.Length > 0) _hub.Broadcast("reload", new { build = _buildId, changed = result.Changed.Length });
            else _hub.Broadcast("ok", new { build = _buildId, warnings });
            var how = result.Stats.Incremental ? $"{result.Stats.PagesRendered} of {result.Stats.Pages} pages rendered" : $"all {result.Stats.Pages} pages rendered";
            _log.WriteLine($"{Now()} {what}: {pagesRewritten} page{(pagesRewritten == 1 ? "" : "s")} rewritten ({how}, {result.Stats.ArticlesAnalysed} article{(result.Stats.ArticlesAnalysed == 1 ? "" : "s")} analysed) in {time} ms");
            if (_options.Verbose)
                _log.WriteLine("  " + string.Join(" · ", result.Stats.Stages.Select(x => $"{x.Stage} {x.Time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms")));
        }
        Built?.Invoke(result);
    }

    /// <summary>
    /// The warnings panel's content: the same summary the command line prints (every warning when
    /// there are few, a line a kind when there are many), or null when there are none.
    /// </summary>
    private static object? Warnings(WarningSummary summary) => summary.All.IsEmpty ? null : new
    {
        total = summary.All.Length,
        summarised = summary.Summarised,
        lines = summary.Lines().ToArray(),
    };

    private void Report(IReadOnlyCollection<string> changes, ImmutableArray<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) _log.WriteLine(d.ToString());
        var error = new
        {
            diagnostics = diagnostics.Where(d => d.IsError).Select(d => new { path = d.At.Path, line = d.At.Line, column = d.At.Column, message = d.Message, text = d.ToString() }).ToArray(),
        };
        _hub.SetState(_buildId, error);
        _hub.Broadcast("failed", error);
    }

    private void ReportInternalError(IReadOnlyCollection<string> changes, Exception e)
    {
        // The build's parallel stages wrap what one of their tasks threw.
        while (e is AggregateException { InnerExceptions.Count: 1 } one) e = one.InnerExceptions[0];
        var message = $"internal error: the rebuild failed with {e.GetType().Name}: {e.Message} (a bug in the generator, not in the content; please report it)";
        _log.WriteLine($"{Now()} {Describe(changes)}: {message}; still serving the last good build, and the next change rebuilds");
        if (_options.Verbose) _log.WriteLine(e.ToString());
        // Shown over the open pages as a build error is; it has no place in the project, so no path, line or column.
        var error = new { diagnostics = new[] { new { path = (string?)null, line = (int?)null, column = (int?)null, message, text = message } } };
        _hub.SetState(_buildId, error);
        _hub.Broadcast("failed", error);
    }

    private static string Describe(IReadOnlyCollection<string> changes) => changes.Count switch
    {
        0 => "rebuild",
        1 => changes.First() == "(start)" ? "first build" : $"{changes.First()} changed",
        _ => $"{changes.First()} and {changes.Count - 1} more changed",
    };

    private static string Now() => DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _watcher?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (_loop is not null)
        {
            try { await _loop.WaitAsync(TimeSpan.FromSeconds(5)); } catch (TimeoutException) { }
        }
        if (Search is not null) await Search.DisposeAsync();
        _stop.Dispose();
    }
}
