using CaseRecord.Cli;
using CaseRecord.Preview;
using CaseRecord.Tests.Support;
using Microsoft.Playwright;

namespace CaseRecord.Tests.Reader;

/// <summary>The seed site built by the real command (search index included where Pagefind is installed), served over HTTP, with a browser where there is one.</summary>
public sealed class BuiltSiteFixture : IAsyncLifetime
{
    private readonly TempProject _project = new(Repo.Root);
    private PreviewServer _server = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    /// <summary>Only for <see cref="BrowserFactAttribute"/> tests, which are skipped where there is no Chromium.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Support.Browser.NotFound);
    public string Output => _project.PathOf("site");
    public string BuildLog { get; private set; } = "";
    public string Url(string path = "") => $"http://127.0.0.1:{_server.Port}/{path}";

    public static readonly string[] PageTypes =
    [
        "", "articles/", "articles/thornton-refuses-responsibility/", "speakers/", "speakers/sara-thornton/",
        "figures/", "figures/offences-recorded/", "timeline/", "organisations/", "organisations/thames-valley-police/",
        "data/", "search/", "no-such-page/",
    ];

    public async Task InitializeAsync()
    {
        // Build from the repository so node_modules (pagefind) is found as in CI.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = new CommandLine(stdout, stderr).Run(["build", "--root", Repo.Root, "-o", Output, "-s", "LinkHideIndexPages=true"]);
        BuildLog = stdout + "\n" + stderr;
        Assert.True(code == 0, BuildLog);
        _server = await PreviewServer.StartAsync(new PreviewServerOptions(0, "", Reload: false), () => new DirectoryFiles(Output), new LiveReloadHub(), () => "");
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
