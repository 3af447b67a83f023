using System.Diagnostics;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Preview;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Preview;

/// <summary>A real preview of a temporary copy of the seed project: edit, watch, rebuild, reload.</summary>
public sealed class PreviewSessionTests : IAsyncLifetime
{
    private const string ArticleFile = "input/articles/thornton-refuses-responsibility.md";
    private const string ArticlePage = "articles/thornton-refuses-responsibility/index.html";
    private readonly TempProject _project = new(Repo.Root);
    private readonly StringWriter _log = new();
    private PreviewSession _session = null!;
    private readonly HttpClient _http = new();
    private Failing? _failing;

    /// <summary>The project as read by the builder, whose reads of one file throw (as a bug in the build would) while <see cref="FailOn"/> names it.</summary>
    private sealed class Failing(IContentSource inner) : IContentSource
    {
        public volatile string? FailOn;
        public IReadOnlyList<string> ListFiles(string folder, string extension) => inner.ListFiles(folder, extension);
        public IReadOnlyList<string> ListFilesRecursive(string folder) => inner.ListFilesRecursive(folder);
        public bool FileExists(string path) => inner.FileExists(path);
        public bool DirectoryExists(string path) => inner.DirectoryExists(path);
        public FileStamp? Stamp(string path) => inner.Stamp(path);
        public byte[] ReadAllBytes(string path) => path == FailOn ? throw new InvalidOperationException($"injected failure reading {path}") : inner.ReadAllBytes(path);
    }

    public async Task InitializeAsync()
    {
        _session = new PreviewSession(new BuildOptions(_project.Root, null, new Dictionary<string, string>(), false),
            new PreviewServerOptions(0, "", Reload: true), watch: true, TextWriter.Synchronized(_log), project => _failing = new Failing(project));
        await _session.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        _http.Dispose();
        _project.Dispose();
    }

    private Task<string> Page(string path = ArticlePage) => _http.GetStringAsync(_session.Url + path);

    private void EditArticle(Func<string, string> change)
    {
        var path = _project.PathOf(ArticleFile);
        File.WriteAllText(path, change(File.ReadAllText(path)));
    }

    [Fact]
    public async Task Editing_a_title_rebuilds_serves_the_change_and_tells_clients_to_reload()
    {
        await using var events = await EventStream.Connect(_session.Url + "__case-record/events");
        var (_, hello) = await events.Next("hello");
        Assert.Contains(_session.BuildId, hello);
        Assert.Contains("Chief constable Sara Thornton refuses", await Page());

        EditArticle(t => t.Replace("title: Chief constable Sara Thornton refuses", "title: Edited headline, Thornton refuses"));
        var (name, reload) = await events.Next("reload", "failed");
        Assert.True(name == "reload", _log.ToString());

        Assert.Contains(_session.BuildId, reload);
        var page = await Page();
        Assert.Contains("<h1>Edited headline, Thornton refuses", page);
        Assert.Contains("data-build=\"" + _session.BuildId + "\"", page);
        Assert.Contains("Edited headline", await Page("speakers/sara-thornton/index.html"));
        Assert.Matches(@"input/articles/thornton-refuses-responsibility\.md changed: \d+ pages rewritten \(\d+ of \d+ pages rendered, 1 article analysed\) in \d+ ms", _log.ToString());
    }

    [Fact]
    public async Task Editing_a_figure_another_articles_share_points_at_leaves_no_served_page_different_from_a_full_build()
    {
        await using var events = await EventStream.Connect(_session.Url + "__case-record/events");
        await events.Next("hello");
        // A second article whose figure is a share of the seed article's 1,561 recorded contacts.
        const string text = "Of the contacts, 40 led to charges, the force said.\n";
        File.WriteAllText(_project.PathOf("seeds/share.txt"), text);
        File.WriteAllText(_project.PathOf("input/articles/share.md"), $"""
            ---
            title: Forty charges
            source: seeds/share.txt
            sha256: {TestSite.Sha256(text)}
            figures:
              - id: charges
                label: Charges
                match: 40 led to charges
                of: recorded-contacts
            ---

            """);
        Assert.Equal("reload", (await events.Next("reload", "failed")).Name);
        Assert.Contains("Recorded contacts", await Page("articles/share/index.html"), StringComparison.OrdinalIgnoreCase);

        var path = _project.PathOf(ArticleFile);
        var original = File.ReadAllText(path);
        var label = System.Text.RegularExpressions.Regex.Match(original, @"id: recorded-contacts\s+label: ([^\n]+)").Groups[1].Value;
        Assert.NotEqual("", label);
        File.WriteAllText(path, original.Replace("label: " + label, "label: Contacts logged by the force"));
        Assert.Equal("reload", (await events.Next("reload", "failed")).Name);

        var full = new SiteBuilder(new DiskContentSource(_project.Root), new Dictionary<string, string>()).Build(null);
        Assert.True(full.Succeeded);
        Assert.Contains("Contacts logged by the force", System.Text.Encoding.UTF8.GetString(full.FilesByPath["articles/share/index.html"].Content));
        foreach (var (page, file) in full.FilesByPath)
        {
            var served = await _http.GetByteArrayAsync(_session.Url + page);
            var expected = page.EndsWith(".html", StringComparison.Ordinal) ? PreviewServer.InjectReload(file.Content, _session.BuildId) : file.Content;
            Assert.True(expected.AsSpan().SequenceEqual(served), $"{page} is served different from a full build");
        }
    }

    [Fact]
    public async Task Broken_yaml_keeps_the_last_good_site_and_reports_path_and_line_then_recovers()
    {
        await using var events = await EventStream.Connect(_session.Url + "__case-record/events");
        await events.Next("hello");
        var good = await Page();

        EditArticle(t => t.Replace("speakers: [sara-thornton]", "speakers: [sara-thornton"));
        var (_, failed) = await events.Next("failed");
        Assert.Contains("\"path\":\"input/articles/thornton-refuses-responsibility.md\"", failed);
        Assert.Matches("\"line\":1[0-9]", failed);
        Assert.Contains("input/articles/thornton-refuses-responsibility.md:1", failed);
        Assert.Equal(good, await Page());
        Assert.Contains("still serving the last good build", _log.ToString());

        // A client connecting now is told about the error at once.
        await using (var late = await EventStream.Connect(_session.Url + "__case-record/events"))
            Assert.Contains("thornton-refuses-responsibility.md", (await late.Next("hello")).Data);

        EditArticle(t => t.Replace("speakers: [sara-thornton\n", "speakers: [sara-thornton]\n").Replace("publisher: Oxford Mail", "publisher: Oxford Mail (mended)"));
        await events.Next("reload");
        Assert.Contains("Oxford Mail (mended)", await Page());
    }

    [Fact]
    public async Task A_bug_in_a_rebuild_is_an_internal_error_the_last_good_site_stays_and_the_next_save_rebuilds()
    {
        await using var events = await EventStream.Connect(_session.Url + "__case-record/events");
        await events.Next("hello");
        var good = await Page();

        _failing!.FailOn = ArticleFile;
        EditArticle(t => t.Replace("publisher: Oxford Mail", "publisher: Oxford Mail (unseen)"));
        var (_, failed) = await events.Next("failed");
        Assert.Contains("internal error: the rebuild failed with InvalidOperationException: injected failure reading " + ArticleFile, failed);
        Assert.Equal(good, await Page());
        Assert.Matches(@"input/articles/thornton-refuses-responsibility\.md changed: internal error: .*injected failure.*; still serving the last good build", _log.ToString());
        await using (var late = await EventStream.Connect(_session.Url + "__case-record/events"))
            Assert.Contains("injected failure", (await late.Next("hello")).Data);

        _failing.FailOn = null;
        EditArticle(t => t.Replace("Oxford Mail (unseen)", "Oxford Mail (seen)"));
        // The save may have been seen twice while failing; wait for the rebuild after the mend.
        var clock = Stopwatch.StartNew();
        while (!(await Page()).Contains("Oxford Mail (seen)") && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
        Assert.Contains("Oxford Mail (seen)", await Page());
        var (name, _) = await events.Next("reload");
        Assert.Equal("reload", name);
    }

    [Fact]
    public async Task A_broken_settings_file_is_reported_not_a_crash()
    {
        await using var events = await EventStream.Connect(_session.Url + "__case-record/events");
        await events.Next("hello");
        File.WriteAllText(_project.PathOf("statiq.json"), "{ \"SiteTitle\": \"x\", }}");
        var (_, failed) = await events.Next("failed");
        Assert.Contains("\"path\":\"statiq.json\"", failed);
        Assert.Contains("The case record", await Page());
    }

    [Fact]
    public async Task A_burst_of_changes_gives_one_or_two_builds_never_two_at_once()
    {
        var before = _session.Builds;
        var building = 0;
        var overlapped = false;
        _session.Built += _ => { if (Interlocked.Increment(ref building) > 1) overlapped = true; Interlocked.Decrement(ref building); };
        for (var i = 0; i < 20; i++)
        {
            EditArticle(t => t.Replace($"publisher: Oxford Mail{(i == 0 ? "" : $" {i - 1}")}", $"publisher: Oxford Mail {i}"));
            _session.Request(["input/articles/thornton-refuses-responsibility.md"]);
        }
        var clock = Stopwatch.StartNew();
        while (!(await Page()).Contains("Oxford Mail 19") && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
        Assert.Contains("Oxford Mail 19", await Page());
        Assert.False(overlapped);
        Assert.InRange(_session.Builds - before, 1, 20);
    }

    [Fact]
    public async Task The_first_pause_rehearses_an_edit_quietly_and_a_real_edit_after_it_still_reloads()
    {
        var (builds, id) = (_session.Builds, _session.BuildId);
        var clock = Stopwatch.StartNew();
        while (_session.IdleCollections == 0 && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
        Assert.Equal(1, _session.Rehearsals);
        // The rehearsal made the site already served: nothing published, nothing logged.
        Assert.Equal((builds, id), (_session.Builds, _session.BuildId));
        Assert.Contains("first build", Assert.Single(_log.ToString().Split('\n'), l => l.Contains("rewritten")));

        await using var events = await EventStream.Connect(_session.Url + "__case-record/events");
        await events.Next("hello");
        EditArticle(t => t.Replace("title: Chief constable Sara Thornton refuses", "title: After the rehearsal, Thornton refuses"));
        var (name, _) = await events.Next("reload", "failed");
        Assert.True(name == "reload", _log.ToString());
        Assert.Contains("<h1>After the rehearsal, Thornton refuses", await Page());
        Assert.Matches(@"thornton-refuses-responsibility\.md changed: \d+ pages rewritten \(\d+ of \d+ pages rendered, 1 article analysed\)", _log.ToString());
        Assert.Equal(1, _session.Rehearsals);
    }

    [Fact]
    public async Task Garbage_is_collected_once_when_the_editor_pauses_not_again_until_the_next_build()
    {
        var clock = Stopwatch.StartNew();
        while (_session.IdleCollections == 0 && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
        Assert.Equal(1, _session.IdleCollections);
        await Task.Delay(1500);
        Assert.Equal(1, _session.IdleCollections);

        await using var events = await EventStream.Connect(_session.Url + "__case-record/events");
        await events.Next("hello");
        EditArticle(t => t.Replace("publisher: Oxford Mail", "publisher: Oxford Mail (edited)"));
        await events.Next("reload");
        clock.Restart();
        while (_session.IdleCollections == 1 && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
        Assert.Equal(2, _session.IdleCollections);
    }
}

/// <summary>The real program: prints its URL, serves, and stops on Ctrl+C with exit code 0.</summary>
public sealed class PreviewProcessTests
{
    [Fact]
    public async Task Ctrl_c_stops_the_preview_cleanly_with_exit_code_0()
    {
        using var project = new TempProject(Repo.Root);
        using var process = SiteProcess.StartWithSigint("preview", "--port", "0", "--root", project.Root);
        var url = await SiteProcess.ServingUrl(process);
        Assert.NotNull(url);
        Assert.StartsWith("http://127.0.0.1:", url);
        using (var http = new HttpClient())
            Assert.Contains("Thames Valley Police and the Bullfinch case", await http.GetStringAsync(url));

        var clock = Stopwatch.StartNew();
        await SiteProcess.Interrupt(process);
        var rest = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), "the preview did not stop after SIGINT");
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Stopping.", await rest);
        Console.WriteLine($"preview stopped {clock.ElapsedMilliseconds} ms after SIGINT");
    }

    [Fact]
    public async Task Serve_serves_an_existing_output_folder_without_building()
    {
        using var project = new TempProject();
        project.Write("output/index.html", "<p>built earlier</p>");
        using var process = SiteProcess.StartWithSigint("serve", "--port", "0", "--root", project.Root);
        var url = await SiteProcess.ServingUrl(process);
        Assert.NotNull(url);
        using (var http = new HttpClient())
        {
            var html = await http.GetStringAsync(url);
            Assert.Equal("<p>built earlier</p>", html);
        }
        await SiteProcess.Interrupt(process);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.Equal(0, process.ExitCode);
    }
}
