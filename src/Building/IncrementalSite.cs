using System.Collections.Immutable;
using CaseRecord.Diagnostics;
using CaseRecord.Model;
using CaseRecord.Output;
using CaseRecord.Rendering;

namespace CaseRecord.Building;

/// <summary>
/// A session's rebuild after a few articles changed (same theme, settings, people and bodies):
/// the page kinds name the pages the change reaches, only those are rendered and checked, and
/// they are laid over the last site.
/// </summary>
internal static class IncrementalSite
{
    public static SiteOutcome Render(SiteRenderer renderer, CaseIndex index, IndexDelta delta, Func<ImmutableArray<OutputFile>> data, PreviousBuild.KeptSite last,
        System.Runtime.CompilerServices.ConditionalWeakTable<OutputFile, List<string>> pageIds, DiagnosticList diagnostics, StageClock clock)
    {
        var planner = renderer.Planner(index);
        var pages = planner.Affected(delta).ToHashSet(StringComparer.Ordinal);
        var samePages = planner.SamePages(delta) ? last.Pages : (ImmutableArray<string>?)null;
        var sources = index.Articles.Where(delta.ArticleChanged).Select(a => a.Source.Path).ToHashSet(StringComparer.Ordinal);
        clock.Lap("plan");
        var job = renderer.Prepare(index, pages, sources, data(), samePages);
        clock.Lap("data");
        var output = SiteRenderer.Render(job);
        clock.Lap("render");
        diagnostics.AddRange(output.Diagnostics);
        var (files, changed) = Merge(last, output.Files, output.AllPages, index);
        clock.Lap("merge");
        // The pages not rendered and their targets are unchanged.
        diagnostics.AddRange(Checks.LinkValidator.Validate(files, pages, index.Settings, pageIds));
        clock.Lap("links");
        var rendered = output.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
        return new SiteOutcome(files, changed, output.AllPages, output.AllPages.Length, rendered, true);
    }

    /// <summary>
    /// The last site with the newly rendered files laid over it, less pages and source copies the
    /// site no longer has; and the paths whose bytes changed. Only what was rendered or removed is
    /// looked at: a record of 10,000 articles has 130,000 files, an edit changes a few dozen.
    /// </summary>
    private static (ImmutableSortedDictionary<string, OutputFile> Files, ImmutableArray<string> Changed) Merge(
        PreviousBuild.KeptSite last, ImmutableArray<OutputFile> rendered, ImmutableArray<string> allPages, CaseIndex index)
    {
        var made = rendered.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var gone = new List<string>();
        // The sitemap and the feed are there as long as the Host is set, which a delta does not
        // change (it needs the same settings); the sitemap is made again only when pages came or went.
        if (last.Pages != allPages && !last.Pages.AsSpan().SequenceEqual(allPages.AsSpan()))
        {
            var pages = allPages.ToHashSet(StringComparer.Ordinal);
            gone.AddRange(last.Pages.Where(p => !pages.Contains(p)));
        }
        // Only an article added, removed or pointed at another text can take a source away.
        if (!Versions.SameInOrder(last.Index.Articles, index.Articles, (x, y) => x.Source.Path == y.Source.Path))
        {
            var sources = index.Articles.Select(a => SitePaths.Source(a.Source.Path)).ToHashSet(StringComparer.Ordinal);
            gone.AddRange(last.Index.Articles.Select(a => SitePaths.Source(a.Source.Path)).Where(p => !sources.Contains(p)));
        }

        // A record that grew past or shrank below a size has more or fewer data files.
        var data = OpenDataParts.For(index).Paths.ToHashSet(StringComparer.Ordinal);
        gone.AddRange(OpenDataParts.For(last.Index).Paths.Where(p => !data.Contains(p)));

        var builder = last.Files.ToBuilder();
        var changed = new List<string>();
        foreach (var path in gone)
            if (!made.Contains(path) && builder.Remove(path)) changed.Add(path);
        foreach (var f in rendered)
        {
            if (!last.Files.TryGetValue(f.Path, out var old) || !old.SameBytes(f)) changed.Add(f.Path);
            builder[f.Path] = f;
        }
        return (builder.ToImmutable(), [.. changed.Distinct().Order(StringComparer.Ordinal)]);
    }
}
