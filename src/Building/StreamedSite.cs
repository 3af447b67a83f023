using System.Collections.Immutable;
using System.Text;
using CaseRecord.Diagnostics;
using CaseRecord.Model;
using CaseRecord.Output;
using CaseRecord.Rendering;

namespace CaseRecord.Building;

/// <summary>
/// A plain build to disk: each page goes to the sink as it is made and only its links are kept,
/// so memory holds the record, never the whole site. Committed only if every link resolves.
/// </summary>
internal static class StreamedSite
{
    public static SiteOutcome? Render(SiteRenderer renderer, CaseIndex index, Content.SiteSettings settings, IStreamingSink sink,
        DiagnosticList diagnostics, StageClock clock)
    {
        if (diagnostics.HasErrors)
        {
            clock.Lap("write");
            return null;
        }
        var pages = 0;
        var files = 0;
        var written = 0;
        var allPages = ImmutableArray<string>.Empty;
        using (var session = sink.Begin())
        {
            // The data files first, straight to disk: the pages show their size.
            var dataBytes = OpenData.Write(index, new LinkBuilder(index.Settings), (path, write) =>
            {
                Interlocked.Increment(ref files);
                return session.Add(path, write);
            });
            clock.Lap("data");
            var job = renderer.Prepare(index, dataWritten: dataBytes);
            allPages = job.AllPages;
            var links = new Checks.LinkChecker(job.AllPaths.Contains, settings,
                existsSpan: job.AllPaths is HashSet<string> paths ? Checks.LinkChecker.In(paths) : null);
            // What reads the pages as they are written (the search index) is told which will come,
            // and gets its pages first, so it works beside the rest of the render.
            session.Expect(job.AllPaths);
            diagnostics.AddRange(job.Run((file, text) =>
            {
                if (file.Path.EndsWith(".html", StringComparison.Ordinal))
                {
                    text ??= Encoding.UTF8.GetString(file.Content).AsMemory();
                    links.Scan(file.Path, text.Value.Span);
                    Interlocked.Increment(ref pages);
                    session.Add(file, text.Value);
                }
                else session.Add(file);
                Interlocked.Increment(ref files);
            }, session.Wants));
            clock.Lap("render");
            diagnostics.AddRange(links.Finish());
            clock.Lap("links");
            if (!diagnostics.HasErrors)
            {
                session.Commit();
                written = files;
            }
        }
        clock.Lap("write");
        return new SiteOutcome(ImmutableSortedDictionary<string, OutputFile>.Empty, [], allPages, pages, pages, false, written);
    }
}
