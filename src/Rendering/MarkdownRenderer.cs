using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CaseRecord.Rendering;

/// <summary>
/// Editor Markdown (notes, biographies) to HTML with one frozen pipeline. Raw HTML is shown as
/// text and links or images to anything but http(s), mailto and site-relative URLs are dropped,
/// so an editor's note cannot run script in a reader's browser.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    public string ToHtml(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsSafe(link.Url)) continue;
            var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            link.ReplaceBy(new LiteralInline(text.Length > 0 ? text : link.Url ?? ""), copyChildren: false);
        }
        foreach (var link in document.Descendants<AutolinkInline>().ToList())
            if (!IsSafe(link.Url)) link.ReplaceBy(new LiteralInline(link.Url));

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var u = url.Trim();
        var colon = u.IndexOf(':');
        var firstSeparator = u.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (firstSeparator < 0 || colon < firstSeparator);
        if (!hasScheme) return !u.StartsWith("//", StringComparison.Ordinal);
        var scheme = u[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}
