using System.Collections.Immutable;
using System.Text;
using CaseRecord.Diagnostics;
using CaseRecord.Model;
using CaseRecord.Output;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CaseRecord.Rendering;

/// <summary>The render stage: every planned page through its layout, plus assets and source texts.</summary>
public sealed class SiteRenderer(Theme theme, MarkdownRenderer markdown)
{
    // A Scriban context is costly to create (it builds its library of functions), so each
    // rendering thread keeps one for the whole build; pages only push and pop their globals.
    private readonly ThreadLocal<TemplateContext> _contexts = new(theme.NewContext);

    public sealed record Rendered(ImmutableArray<OutputFile> Files, ImmutableArray<string> AllPages, ImmutableArray<Diagnostic> Diagnostics);

    /// <summary>
    /// Renders the pages <paramref name="only"/> names (all when null), plus assets and source
    /// texts. <see cref="Rendered.AllPages"/> lists every page the site has, rendered or not.
    /// </summary>
    public Rendered Render(CaseIndex index, IReadOnlySet<string>? only = null, IReadOnlySet<string>? sourcesOnly = null)
    {
        var links = new LinkBuilder(index.Settings);
        var data = OpenData.Write(index, links);
        var planner = new PagePlanner(index, markdown, theme.AssetPath) { DataBytes = data.Length };
        var plans = planner.Plan();
        var pages = only is null ? plans : [.. plans.Where(p => only.Contains(p.Path))];
        var files = new OutputFile?[pages.Length];
        var errors = new Diagnostic?[pages.Length];
        Parallel.For(0, pages.Length, i =>
        {
            try
            {
                var page = pages[i].Build();
                files[i] = new OutputFile(page.Path, Encoding.UTF8.GetBytes(RenderPage(page, planner.Site(page.Path, page.Section), links)));
            }
            catch (ScriptRuntimeException e)
            {
                errors[i] = Diagnostic.Error(new SourcePosition(e.Span.FileName ?? "theme", e.Span.Start.Line + 1, e.Span.Start.Column + 1),
                    $"template error while rendering {pages[i].Path}: {e.OriginalMessage}");
            }
        });

        var output = ImmutableArray.CreateBuilder<OutputFile>();
        output.AddRange(files.OfType<OutputFile>());
        if (only is null)
            foreach (var (path, bytes) in theme.Assets) output.Add(new OutputFile(SitePaths.Assets + path, bytes));
        // Whole-site files change with any article, like the list pages, so they are always made.
        output.Add(new OutputFile(SitePaths.Data, data));
        if (index.Settings.Host is not null)
        {
            var sitemapPages = plans.Select(p => p.Path).Where(p => p != SitePaths.NotFound);
            output.Add(new OutputFile(SitePaths.Sitemap, SiteFeeds.Sitemap(sitemapPages, links)));
            output.Add(new OutputFile(SitePaths.Feed, SiteFeeds.Atom(index, links)));
        }
        foreach (var source in index.Articles.Select(a => a.Source).DistinctBy(s => s.Path))
            if (sourcesOnly is null || sourcesOnly.Contains(source.Path))
                output.Add(new OutputFile(SitePaths.Source(source.Path), source.Original));
        return new Rendered(output.ToImmutable(), [.. plans.Select(p => p.Path)], [.. errors.OfType<Diagnostic>()]);
    }

    private string RenderPage(PageSpec page, SiteView site, LinkBuilder links)
    {
        var template = theme.Layout(page.Template)
            ?? throw new ScriptRuntimeException(new Scriban.Parsing.SourceSpan($"theme/layouts/{page.Template}.sbn", default, default), $"the theme has no layout '{page.Template}'");
        var context = _contexts.Value!;
        var globals = new ScriptObject
        {
            ["page"] = page.Model,
            ["site"] = site,
            ["title"] = page.Title,
            ["description"] = page.Description,
            ["section"] = page.Section,
            ["path"] = page.Path,
            ["canonical"] = page.Path == SitePaths.NotFound ? null : links.Absolute(page.Path),
            ["og_type"] = page.Meta.OgType,
            ["published_iso"] = page.Meta.PublishedIso,
            ["json_ld"] = StructuredData.Serialise(page.Meta.JsonLd),
        };
        context.PushGlobal(globals);
        // A fresh buffer per page: Scriban clears its output with StringBuilder.Length = 0, which
        // reallocates the builder's whole past capacity, so one huge page would make every later
        // page on that thread pay for its size.
        context.PushOutput(new StringBuilderOutput(new StringBuilder(16 * 1024)));
        try
        {
            var body = template.Render(context);
            globals["content"] = body;
            return theme.Layout("_layout")!.Render(context);
        }
        finally
        {
            context.PopOutput();
            context.PopGlobal();
        }
    }
}
