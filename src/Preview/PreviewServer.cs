using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CaseRecord.Preview;

/// <param name="Port">0 picks a free port (tests).</param>
/// <param name="VirtualDir">"" or a path such as "/case-record" the site is served under.</param>
/// <param name="Reload">Inject the live-reload script into served HTML and offer the event stream.</param>
public sealed record PreviewServerOptions(int Port, string VirtualDir, bool Reload);

/// <summary>
/// Serves a site on the loopback interface only, with Kestrel from the shared framework: folder
/// URLs to index.html, a redirect for a folder without its slash, 404.html for what is missing,
/// no caching, and nothing outside the site. Knows nothing of builds: it serves what
/// <c>files</c> returns at the moment of each request.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string EventsPath = "/__case-record/events";
    public const string ScriptPath = "/__case-record/live-reload.js";

    private readonly WebApplication _app;
    private readonly PreviewServerOptions _options;
    private readonly Func<ISiteFiles> _files;
    private readonly Func<string> _buildId;
    private readonly string _virtualDir;
    private static readonly Lazy<byte[]> Script = new(LoadScript);

    private PreviewServer(WebApplication app, PreviewServerOptions options, Func<ISiteFiles> files, LiveReloadHub hub, Func<string> buildId)
    {
        _app = app;
        _options = options;
        _files = files;
        Hub = hub;
        _buildId = buildId;
        _virtualDir = options.VirtualDir.Trim('/');
    }

    public LiveReloadHub Hub { get; }
    public int Port { get; private set; }
    public string Url => $"http://127.0.0.1:{Port}/{(_virtualDir.Length > 0 ? _virtualDir + "/" : "")}";

    public static async Task<PreviewServer> StartAsync(PreviewServerOptions options, Func<ISiteFiles> files, LiveReloadHub hub, Func<string> buildId)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            // Loopback only: an editor's draft is nobody else's business.
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
        });
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromMilliseconds(500));
        var app = builder.Build();
        var server = new PreviewServer(app, options, files, hub, buildId);
        app.Run(server.Handle);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        return server;
    }

    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try { await _app.StopAsync(timeout.Token); } catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    private async Task Handle(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store, max-age=0";
        response.Headers.XContentTypeOptions = "nosniff";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var clean = RequestPath.Clean(raw);
        if (clean is null)
        {
            await Plain(context, StatusCodes.Status400BadRequest, "400 Bad Request: this path is not allowed.");
            return;
        }

        if (_options.Reload && "/" + clean == EventsPath)
        {
            response.ContentType = "text/event-stream; charset=utf-8";
            if (HttpMethods.IsHead(request.Method)) return;
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await response.Body.FlushAsync(context.RequestAborted);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app.Lifetime.ApplicationStopping);
            await Hub.Serve(response.Body, () => response.Body.FlushAsync(linked.Token), linked.Token);
            return;
        }
        if (_options.Reload && "/" + clean == ScriptPath)
        {
            await Send(context, StatusCodes.Status200OK, "text/javascript; charset=utf-8", Script.Value);
            return;
        }

        var files = _files();
        var path = clean;
        if (_virtualDir.Length > 0)
        {
            if (path == _virtualDir || path.Length == 0)
            {
                Redirect(context, "/" + _virtualDir + "/");
                return;
            }
            if (!path.StartsWith(_virtualDir + "/", StringComparison.Ordinal))
            {
                await NotFound(context, files);
                return;
            }
            path = path[(_virtualDir.Length + 1)..];
        }

        var file = path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
        if (files.TryGetFile(file, out var content))
        {
            await Send(context, StatusCodes.Status200OK, ContentTypes.For(file), content);
            return;
        }
        if (path.Length > 0 && !path.EndsWith('/') && files.TryGetFile(path + "/index.html", out _))
        {
            Redirect(context, "/" + string.Join('/', clean.Split('/').Select(Uri.EscapeDataString)) + "/" + request.QueryString);
            return;
        }
        if (files is IPendingFiles pending && pending.IsPending(file))
        {
            response.Headers.RetryAfter = "2";
            await Plain(context, StatusCodes.Status503ServiceUnavailable, "503 Service Unavailable: the preview is still making this file; try again in a moment.");
            return;
        }
        await NotFound(context, files);
    }

    private async Task NotFound(HttpContext context, ISiteFiles files)
    {
        if (files.TryGetFile("404.html", out var page))
            await Send(context, StatusCodes.Status404NotFound, "text/html; charset=utf-8", page);
        else
            await Plain(context, StatusCodes.Status404NotFound, "404 Not Found");
    }

    private static void Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = location;
    }

    private static Task Plain(HttpContext context, int status, string text) =>
        SendRaw(context, status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text + "\n"));

    private Task Send(HttpContext context, int status, string contentType, ReadOnlyMemory<byte> content)
    {
        if (_options.Reload && contentType.StartsWith("text/html", StringComparison.Ordinal))
            content = InjectReload(content.Span, _buildId());
        return SendRaw(context, status, contentType, content);
    }

    private static async Task SendRaw(HttpContext context, int status, string contentType, ReadOnlyMemory<byte> content)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = content.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }

    /// <summary>Adds the live-reload script to a served page (never to the built files) just before &lt;/body&gt;.</summary>
    public static byte[] InjectReload(ReadOnlySpan<byte> html, string buildId)
    {
        var tag = Encoding.UTF8.GetBytes($"<script src=\"{ScriptPath}\" data-build=\"{WebUtility.HtmlEncode(buildId)}\" defer></script>\n");
        var at = html.LastIndexOf("</body>"u8);
        if (at < 0) at = html.Length;
        var result = new byte[html.Length + tag.Length];
        html[..at].CopyTo(result);
        tag.CopyTo(result.AsSpan(at));
        html[at..].CopyTo(result.AsSpan(at + tag.Length));
        return result;
    }

    private static byte[] LoadScript()
    {
        using var stream = typeof(PreviewServer).Assembly.GetManifestResourceStream("CaseRecord.Preview.live-reload.js")
            ?? throw new InvalidOperationException("live-reload.js is not embedded");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
