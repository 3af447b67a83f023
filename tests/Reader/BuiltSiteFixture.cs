using CaseRecord.Cli;
using CaseRecord.Preview;
using CaseRecord.Tests.Support;
using Microsoft.Playwright;

namespace CaseRecord.Tests.Reader;

/// <summary>The seed site built by the real command (search index included where Pagefind is installed), served over HTTP under its LinkRoot, with a browser where there is one.</summary>
public abstract class BuiltSite(string linkRoot) : IAsyncLifetime
{
    private readonly TempProject _project = new(Repo.Root);
    private PreviewServer _server = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    /// <summary>Only for <see cref="BrowserFactAttribute"/> tests, which are skipped where there is no Chromium.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Support.Browser.NotFound);
    public string Output => _project.PathOf("site");
    public string LinkRoot => linkRoot;
    public string BuildLog { get; private set; } = "";
    public string Url(string path = "") => $"http://127.0.0.1:{_server.Port}{linkRoot}/{path}";

    public async Task InitializeAsync()
    {
        // Build from the repository so node_modules (pagefind) is found as in CI.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] under = linkRoot.Length > 0 ? ["-s", $"LinkRoot={linkRoot}"] : [];
        var code = new CommandLine(stdout, stderr).Run(["build", "--root", Repo.Root, "-o", Output, "-s", "LinkHideIndexPages=true", .. under]);
        BuildLog = stdout + "\n" + stderr;
        Assert.True(code == 0, BuildLog);
        _server = await PreviewServer.StartAsync(new PreviewServerOptions(0, linkRoot, Reload: false), () => new DirectoryFiles(Output), new LiveReloadHub(), () => "");
        if (Support.Browser.Chromium is not null) (_playwright, _browser) = await Support.Browser.Launch();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _server.DisposeAsync();
        _project.Dispose();
    }
}

/// <summary>The seed site at the root of its host.</summary>
public sealed class BuiltSiteFixture() : BuiltSite("")
{
    public static readonly string[] PageTypes =
    [
        "", "articles/", "articles/thornton-refuses-responsibility/", "speakers/", "speakers/sara-thornton/",
        "figures/", "figures/offences-recorded/", "timeline/", "organisations/", "organisations/thames-valley-police/",
        "data/", "search/", "no-such-page/",
    ];
}

/// <summary>The seed site under a sub-path, as GitHub Pages serves a project site.</summary>
public sealed class SubPathSiteFixture() : BuiltSite("/case-record");
