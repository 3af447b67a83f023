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
    public (ImmutableArray<OutputFile> Files, ImmutableArray<Diagnostic> Diagnostics) Render(CaseIndex index)
    {
        var planner = new PagePlanner(index, markdown);
        var pages = planner.Plan();
        var files = new OutputFile?[pages.Length];
        var errors = new Diagnostic?[pages.Length];
        Parallel.For(0, pages.Length, i =>
        {
            try
            {
                files[i] = new OutputFile(pages[i].Path, Encoding.UTF8.GetBytes(RenderPage(pages[i], planner.Site(pages[i].Path, pages[i].Section))));
            }
            catch (ScriptRuntimeException e)
            {
                errors[i] = Diagnostic.Error(new SourcePosition(e.Span.FileName ?? "theme", e.Span.Start.Line + 1, e.Span.Start.Column + 1),
                    $"template error while rendering {pages[i].Path}: {e.OriginalMessage}");
            }
        });

        var output = ImmutableArray.CreateBuilder<OutputFile>();
        output.AddRange(files.OfType<OutputFile>());
        foreach (var (path, bytes) in theme.Assets) output.Add(new OutputFile(SitePaths.Assets + path, bytes));
        foreach (var source in index.Articles.Select(a => a.Source).DistinctBy(s => s.Path))
            output.Add(new OutputFile(SitePaths.Source(source.Path), Encoding.UTF8.GetBytes(source.Text)));
        return (output.ToImmutable(), [.. errors.OfType<Diagnostic>()]);
    }

    private string RenderPage(PageSpec page, SiteView site)
    {
        var template = theme.Layout(page.Template)
            ?? throw new ScriptRuntimeException(new Scriban.Parsing.SourceSpan($"theme/layouts/{page.Template}.sbn", default, default), $"the theme has no layout '{page.Template}'");
        var context = theme.NewContext();
        var globals = new ScriptObject
        {
            ["page"] = page.Model,
            ["site"] = site,
            ["title"] = page.Title,
            ["description"] = page.Description,
            ["section"] = page.Section,
            ["path"] = page.Path,
        };
        context.PushGlobal(globals);
        var body = template.Render(context);
        globals["content"] = body;
        return theme.Layout("_layout")!.Render(context);
    }
}
