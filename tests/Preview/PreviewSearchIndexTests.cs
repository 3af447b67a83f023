using System.Diagnostics;
using System.Net;
using System.Text;
using CaseRecord.Output;
using CaseRecord.Preview;
using CaseRecord.Search;

namespace CaseRecord.Tests.Preview;

/// <summary>The preview's search index, made beside the builds by a tool the tests control: when it runs, what it is given, what is served.</summary>
public sealed class PreviewSearchIndexTests : IAsyncLifetime
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private readonly FakeTool _tool = new();
    private readonly StringWriter _log = new();

    /// <summary>What the index logged so far: read under the writer's lock, as the index writes from its own thread.</summary>
    private string Log() { lock (_logWriter) return _log.ToString(); }
    private readonly PreviewSearchIndex _index;

    private readonly TextWriter _logWriter;

    public PreviewSearchIndexTests()
    {
        _logWriter = TextWriter.Synchronized(_log);
        _index = new PreviewSearchIndex(_tool, _logWriter, Quiet);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _index.DisposeAsync();

    /// <summary>Makes pagefind/pagefind-ui.js from the data file it is given (and the files it saw), unless told it cannot; can be held inside its first run.</summary>
    private sealed class FakeTool : ISearchIndexTool
    {
        public volatile string? Missing;
        public int Runs;
        public readonly SemaphoreSlim Started = new(0);
        public ManualResetEventSlim? HoldFirst;
        public CancellationToken FirstToken;
        public readonly List<string[]> Seen = [];
        public string? Site;
        public SearchIndexSettings? How;

        public string? Unavailable() => Missing;
        public bool Reads(string path) => path == "data/case.json" || path.StartsWith("speakers/", StringComparison.Ordinal);

        public bool Run(string site, string linkRoot, SearchIndexSettings how, TextWriter log, CancellationToken cancel)
        {
            Site = site;
            How = how;
            var run = Interlocked.Increment(ref Runs);
            lock (Seen) Seen.Add([.. Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]);
            if (run == 1) FirstToken = cancel;
            Started.Release();
            if (run == 1 && HoldFirst is not null)
            {
                try { HoldFirst.Wait(cancel); } catch (OperationCanceledException) { return true; }
            }
            Directory.CreateDirectory(Path.Combine(site, "pagefind"));
            File.WriteAllText(Path.Combine(site, "pagefind", "pagefind-ui.js"), File.ReadAllText(Path.Combine(site, "data", "case.json")) + " at " + linkRoot);
            log.WriteLine($"search: indexed run {run}");
            return true;
        }
    }

    private static Dictionary<string, OutputFile> Site(string data, params string[] more)
    {
        var files = new Dictionary<string, OutputFile>(StringComparer.Ordinal) { ["data/case.json"] = new("data/case.json", Encoding.UTF8.GetBytes(data)) };
        foreach (var path in more) files[path] = new OutputFile(path, Encoding.UTF8.GetBytes(path));
        return files;
    }

    private string Served()
    {
        Assert.True(_index.TryGetFile("pagefind/pagefind-ui.js", out var content), "no index is served");
        return Encoding.UTF8.GetString(content.Span);
    }

    private async Task Until(Func<bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            // The message is made only on a timeout: the log is being written meanwhile.
            if (clock.Elapsed >= TimeSpan.FromSeconds(30)) Assert.Fail($"timed out waiting until {what}; log: {Log()}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_burst_of_builds_is_indexed_once_from_the_last_of_them()
    {
        Assert.False(_index.Pending);
        Assert.False(_index.TryGetFile("pagefind/pagefind-ui.js", out _));
        for (var n = 1; n <= 5; n++) _index.Update(Site($"build {n}"), "/root", enabled: true);
        Assert.True(_index.Pending);
        await Until(() => _index.Made == 1, "the index is made");
        Assert.Equal("build 5 at /root", Served());
        Assert.Equal(1, _tool.Runs);
        Assert.False(_index.Pending);
        Assert.Contains("search: indexed run 1 for the preview in", Log());
    }

    [Fact]
    public async Task The_index_is_made_as_the_projects_settings_say()
    {
        _index.Update(Site("one"), "", enabled: true);
        await Until(() => _index.Made == 1, "the first build is indexed");
        Assert.Equal(new SearchIndexSettings(2000, true), _tool.How); // a build's defaults
        _index.Update(Site("two"), "", enabled: true, new SearchIndexSettings(50, WrittenByGenerator: false));
        await Until(() => _index.Made == 2, "the second build is indexed");
        Assert.Equal(new SearchIndexSettings(50, false), _tool.How);
    }

    [Fact]
    public async Task A_newer_build_stops_the_run_under_way_and_is_indexed_instead()
    {
        using var hold = new ManualResetEventSlim();
        _tool.HoldFirst = hold;
        _index.Update(Site("first"), "", enabled: true);
        Assert.True(await _tool.Started.WaitAsync(TimeSpan.FromSeconds(30)), "the first run never started");
        // The build that asks again is not held up by the run under way: Update only asks.
        _index.Update(Site("second"), "", enabled: true);
        Assert.True(_tool.FirstToken.IsCancellationRequested);
        await Until(() => _index.Made == 1, "the second build is indexed");
        Assert.Equal("second at ", Served());
        Assert.Equal(1, _index.Stopped);
        Assert.Equal(2, _tool.Runs);
    }

    [Fact]
    public async Task Only_the_files_the_tool_reads_are_copied_and_a_file_gone_from_the_site_goes_from_the_copy()
    {
        _index.Update(Site("one", "speakers/a/index.html", "speakers/b/index.html", "assets/site.css", "index.html"), "", enabled: true);
        await Until(() => _index.Made == 1, "the first index is made");
        _index.Update(Site("two", "speakers/a/index.html"), "", enabled: true);
        await Until(() => _index.Made == 2, "the second index is made");
        Assert.Equal(["data/case.json", "speakers/a/index.html", "speakers/b/index.html"], _tool.Seen[0]);
        Assert.Equal(["data/case.json", "speakers/a/index.html"], _tool.Seen[1]);
        Assert.Equal("two at ", Served());
    }

    [Fact]
    public async Task Without_the_tool_nothing_is_served_nothing_waits_and_why_is_said_once()
    {
        _tool.Missing = "search: Node.js is not installed, so the site has no search index";
        _index.Update(Site("one"), "", enabled: true);
        await Until(() => !_index.Pending, "the request is settled");
        _index.Update(Site("two"), "", enabled: true);
        await Until(() => !_index.Pending, "the second request is settled");
        Assert.Equal(0, _tool.Runs);
        Assert.False(_index.TryGetFile("pagefind/pagefind-ui.js", out _));
        Assert.Single(Log().Split('\n'), l => l.Contains("Node.js is not installed"));
    }

    [Fact]
    public async Task Turned_off_the_index_is_dropped_and_the_scratch_folder_goes_with_the_index()
    {
        _index.Update(Site("one"), "", enabled: true);
        await Until(() => _index.Made == 1, "the index is made");
        _index.Update(Site("two"), "", enabled: false);
        Assert.False(_index.Pending);
        Assert.False(_index.TryGetFile("pagefind/pagefind-ui.js", out _));
        var scratch = Path.GetDirectoryName(_tool.Site)!;
        Assert.True(Directory.Exists(scratch));
        await _index.DisposeAsync();
        Assert.False(Directory.Exists(scratch), $"{scratch} is left behind");
    }

    [Fact]
    public async Task The_server_answers_try_again_for_the_index_while_it_is_made_and_serves_it_after()
    {
        using var hold = new ManualResetEventSlim();
        _tool.HoldFirst = hold;
        var site = new SnapshotFiles(new Dictionary<string, byte[]> { ["index.html"] = "<p>home</p>"u8.ToArray() });
        await using var server = await PreviewServer.StartAsync(new PreviewServerOptions(0, "", Reload: false), () => new WithSearchIndex(site, _index), new LiveReloadHub(), () => "");
        using var http = new HttpClient();
        var url = $"http://127.0.0.1:{server.Port}/pagefind/pagefind-ui.js";
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url)).StatusCode);

        _index.Update(Site("one"), "", enabled: true);
        var waiting = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
        Assert.Equal("2", waiting.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://127.0.0.1:{server.Port}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"http://127.0.0.1:{server.Port}/other.js")).StatusCode);

        hold.Set();
        await Until(() => _index.Made == 1, "the index is made");
        Assert.Equal("one at ", await http.GetStringAsync(url));
    }
}
