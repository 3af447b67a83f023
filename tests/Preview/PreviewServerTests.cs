using System.Collections.Immutable;
using System.Net;
using System.Text;
using CaseRecord.Preview;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Preview;

public sealed class PreviewServerTests : IAsyncLifetime
{
    private static readonly ImmutableSortedDictionary<string, byte[]> Files = new Dictionary<string, string>
    {
        ["index.html"] = "<!DOCTYPE html><html><body><h1>Home</h1></body></html>",
        ["speakers/index.html"] = "<!DOCTYPE html><html><body>Speakers</body></html>",
        ["speakers/sara-thornton/index.html"] = "<!DOCTYPE html><html><body>Sara</body></html>",
        ["assets/site.css"] = "body { color: black }",
        ["sources/a.txt"] = "source text",
        ["404.html"] = "<!DOCTYPE html><html><body>Not here</body></html>",
    }.ToImmutableSortedDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value), StringComparer.Ordinal);

    private PreviewServer _server = null!;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    public async Task InitializeAsync() =>
        _server = await PreviewServer.StartAsync(new PreviewServerOptions(0, "", Reload: true), () => new SnapshotFiles(Files), new LiveReloadHub(), () => "build-7");

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private Task<HttpResponseMessage> Get(string path) => _http.GetAsync($"http://127.0.0.1:{_server.Port}{path}");

    [Fact]
    public void Listens_on_loopback_only() => Assert.StartsWith("http://127.0.0.1:", _server.Url);

    [Fact]
    public async Task Serves_folder_urls_from_index_html_with_type_charset_and_no_caching()
    {
        var response = await Get("/speakers/sara-thornton/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.StartsWith("<!DOCTYPE html><html><body>Sara", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Injects_the_reload_script_into_html_only()
    {
        var html = await (await Get("/")).Content.ReadAsStringAsync();
        Assert.Contains($"<script src=\"{PreviewServer.ScriptPath}\" data-build=\"build-7\" defer></script>\n</body>", html);
        var css = await Get("/assets/site.css");
        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType!.ToString());
        Assert.Equal("body { color: black }", await css.Content.ReadAsStringAsync());
        Assert.Equal("text/plain; charset=utf-8", (await Get("/sources/a.txt")).Content.Headers.ContentType!.ToString());
        var script = await Get(PreviewServer.ScriptPath);
        Assert.Contains("EventSource", await script.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_folder_without_its_slash_redirects_to_it()
    {
        var response = await Get("/speakers/sara-thornton?x=1");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/speakers/sara-thornton/?x=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Missing_pages_get_404_html_with_status_404()
    {
        var response = await Get("/figures/nothing/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not here", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Head_gives_the_headers_without_a_body_and_other_methods_are_refused()
    {
        var (status, response) = await RawHttp.Get(_server.Port, "/assets/site.css", "HEAD");
        Assert.Equal(200, status);
        Assert.Contains("Content-Length: 21", response);
        Assert.EndsWith("\r\n\r\n", response);
        var (post, _) = await RawHttp.Get(_server.Port, "/", "POST");
        Assert.Equal(405, post);
    }

    [Theory]
    [InlineData("/../statiq.json")]
    [InlineData("/%2e%2e/statiq.json")]
    [InlineData("/speakers/%2E%2E/%2E%2E/statiq.json")]
    [InlineData("/..%2fstatiq.json")]
    [InlineData("/speakers%2f..%2f..%2fstatiq.json")]
    [InlineData("/speakers/..\\..\\statiq.json")]
    [InlineData("/./index.html")]
    [InlineData("//etc/passwd")]
    [InlineData("/%00")]
    public async Task Traversal_attempts_are_refused(string target)
    {
        var (status, response) = await RawHttp.Get(_server.Port, target);
        Assert.True(status is 400 or 404, $"{target} gave {status}");
        Assert.DoesNotContain("SiteTitle", response);
    }

    [Fact]
    public async Task The_event_stream_greets_a_client_with_the_current_build()
    {
        await using var events = await EventStream.Connect($"http://127.0.0.1:{_server.Port}{PreviewServer.EventsPath}");
        var (_, data) = await events.Next("hello");
        Assert.Contains("\"build\":", data);
    }
}

public sealed class VirtualDirectoryTests : IAsyncLifetime
{
    private PreviewServer _server = null!;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    public async Task InitializeAsync() =>
        _server = await PreviewServer.StartAsync(new PreviewServerOptions(0, "/case-record", Reload: false),
            () => new SnapshotFiles(new Dictionary<string, byte[]> { ["index.html"] = "<p>home</p>"u8.ToArray(), ["a/index.html"] = "<p>a</p>"u8.ToArray() }
                .ToImmutableSortedDictionary(StringComparer.Ordinal)), new LiveReloadHub(), () => "");

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task The_site_is_served_under_the_virtual_directory_only()
    {
        var port = _server.Port;
        Assert.EndsWith("/case-record/", _server.Url);
        Assert.Equal("<p>home</p>", await _http.GetStringAsync($"http://127.0.0.1:{port}/case-record/"));
        Assert.Equal("<p>a</p>", await _http.GetStringAsync($"http://127.0.0.1:{port}/case-record/a/"));
        Assert.Equal("/case-record/", (await _http.GetAsync($"http://127.0.0.1:{port}/")).Headers.Location!.OriginalString);
        Assert.Equal("/case-record/", (await _http.GetAsync($"http://127.0.0.1:{port}/case-record")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"http://127.0.0.1:{port}/a/")).StatusCode);
        Assert.DoesNotContain("live-reload", await _http.GetStringAsync($"http://127.0.0.1:{port}/case-record/"));
    }
}

public sealed class ServeFolderTests
{
    [Fact]
    public async Task A_symlink_in_the_output_pointing_outside_is_not_followed()
    {
        using var project = new TempProject();
        project.Write("secret.txt", "TOP SECRET");
        project.Write("output/index.html", "<p>ok</p>");
        File.CreateSymbolicLink(project.PathOf("output/leak.txt"), project.PathOf("secret.txt"));
        Directory.CreateSymbolicLink(project.PathOf("output/up"), project.Root);
        await using var server = await PreviewServer.StartAsync(new PreviewServerOptions(0, "", false),
            () => new DirectoryFiles(project.PathOf("output")), new LiveReloadHub(), () => "");
        using var http = new HttpClient();
        Assert.Equal("<p>ok</p>", await http.GetStringAsync($"http://127.0.0.1:{server.Port}/"));
        foreach (var target in new[] { "/leak.txt", "/up/secret.txt", "/../secret.txt", "/%2e%2e/secret.txt" })
        {
            var (status, response) = await RawHttp.Get(server.Port, target);
            Assert.True(status is 400 or 404, $"{target} gave {status}");
            Assert.DoesNotContain("TOP SECRET", response);
        }
    }
}
