using System.Collections.Immutable;
using System.Text;
using CaseRecord.Diagnostics;
using CaseRecord.Model;
using CaseRecord.Output;
using CaseRecord.Rendering.Fragments;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CaseRecord.Rendering;

/// <summary>The render stage: every planned page through its layout, plus assets and source texts.</summary>
public sealed class SiteRenderer(Theme theme, MarkdownRenderer markdown)
{
    // A Scriban context is costly to create (it builds its library of functions), so each
    // rendering thread keeps one for the whole build; pages only push and pop their globals.
    // They share the fragments rendered so far in this build (see FragmentCache).
    private readonly ThreadLocal<TemplateContext> _contexts = Contexts(theme, new FragmentCache());

    /// <summary>The globals every page of a section at one depth has the same (the site's links are relative): fragments of the theme reading only these are rendered once for each.</summary>
    internal static readonly IReadOnlySet<string> SharedGlobals = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal, "site", "section");

    private static ThreadLocal<TemplateContext> Contexts(Theme theme, FragmentCache fragments) => new(() =>
    {
        var context = theme.NewContext();
        context.Tags[typeof(FragmentCache)] = fragments;
        return context;
    });

    // And output buffers, reused page after page (a fresh one per page was a sixth of all a build
    // allocated; bench/README.md): one the page's own layout renders its body into, one the base
    // layout renders the whole page into.
    private readonly ThreadLocal<StringBuilderOutput> _outputs = new(() => new StringBuilderOutput(new StringBuilder(InitialOutput)));
    private readonly ThreadLocal<StringBuilderOutput> _pages = new(() => new StringBuilderOutput(new StringBuilder(InitialOutput)));
    private const int InitialOutput = 64 * 1024, MaxKept = 1024 * 1024;

    // And one for a page's UTF-8 bytes, lent to the consumer for the call (see RenderJob.Run): a
    // new array per page was 850 MB of garbage at 10,000 articles, each written once and dropped.
    private readonly ThreadLocal<byte[]> _bytes = new(() => new byte[InitialOutput]);
    private const int MaxKeptBytes = 4 * MaxKept;

    public sealed record Rendered(ImmutableArray<OutputFile> Files, ImmutableArray<string> AllPages, ImmutableArray<Diagnostic> Diagnostics);

    /// <summary>Runs a prepared job and gathers its files in path order; <see cref="Rendered.AllPages"/> lists every page the site has, rendered or not.</summary>
    public static Rendered Render(RenderJob job)
    {
        var files = new System.Collections.Concurrent.ConcurrentQueue<OutputFile>();
        // A page's bytes are lent for the call only; these are kept, so they are copied.
        var diagnostics = job.Run((file, text) => files.Enqueue(text is null ? file : new OutputFile(file.Path, file.Content)));
        return new Rendered([.. files.OrderBy(f => f.Path, StringComparer.Ordinal)], job.AllPages, diagnostics);
    }

    /// <summary>The site's pages for this index, to ask which a change reaches (the size of the data file, shown on one page, left out).</summary>
    public PagePlanner Planner(CaseIndex index, long dataBytes = 0) => new(index, markdown, theme.AssetPath, dataBytes);

    /// <summary>Plans the site, so every path it will have is known before any page is made.</summary>
    /// <param name="only">The pages to render, when not all.</param>
    /// <param name="data">The open data files, when made beforehand (see <see cref="DataFile"/>).</param>
    /// <param name="samePages">With <paramref name="only"/>: the site's pages, known unchanged since the last build (see <see cref="PagePlanner.SamePages"/>); then only the pages to render are planned, and the sitemap, the same too, is not made.</param>
    /// <param name="dataWritten">The size of the data files when the caller has written them already (see <see cref="OpenData.Write(CaseIndex, LinkBuilder, Func{string, Action{Stream}, long})"/>); the job then does not make them.</param>
    public RenderJob Prepare(CaseIndex index, IReadOnlySet<string>? only = null, IReadOnlySet<string>? sourcesOnly = null, ImmutableArray<OutputFile>? data = null,
        ImmutableArray<string>? samePages = null, long? dataWritten = null)
    {
        var links = new LinkBuilder(index.Settings);
        if (dataWritten is null) data ??= DataFile(index).Files;
        var planner = Planner(index, dataWritten ?? data!.Value.Sum(f => f.Length));
        // A rebuild of a few pages plans only those; the list of every page is the last build's
        // when the caller knows the record still has the same pages.
        var known = only is null ? null : samePages;
        var pages = only is null ? planner.Plan() : planner.Plan(only.Order(StringComparer.Ordinal));
        var allPages = known ?? [.. (only is null ? pages : planner.Plan()).Select(p => p.Path)];

        // Whole-site files change with any article, like the list pages, so they are always made.
        var others = new List<Func<OutputFile>>();
        if (only is null)
            foreach (var (path, bytes) in theme.Assets) others.Add(() => new OutputFile(SitePaths.Assets + path, bytes));
        if (index.Settings.Host is not null)
        {
            if (known is null)
                others.Add(() => new OutputFile(SitePaths.Sitemap, SiteFeeds.Sitemap(allPages.Where(p => p != SitePaths.NotFound), links)));
            others.Add(() => new OutputFile(SitePaths.Feed, SiteFeeds.Atom(index, links)));
        }
        var sources = index.Articles.Select(a => a.Source).DistinctBy(s => s.Path).ToList();
        foreach (var source in sources)
            if (sourcesOnly is null || sourcesOnly.Contains(source.Path))
                others.Add(() => new OutputFile(SitePaths.Source(source.Path), source.Original));
        // Only a build that checks every link needs every path; a session's increment does not.
        IReadOnlySet<string> AllPaths()
        {
            var all = new HashSet<string>(allPages, StringComparer.Ordinal);
            all.UnionWith(OpenDataParts.For(index).Paths);
            foreach (var (path, _) in theme.Assets) all.Add(SitePaths.Assets + path);
            if (index.Settings.Host is not null)
            {
                all.Add(SitePaths.Sitemap);
                all.Add(SitePaths.Feed);
            }
            foreach (var source in sources) all.Add(SitePaths.Source(source.Path));
            return all;
        }
        return new RenderJob(this, planner, links, pages, data, others, allPages, new Lazy<IReadOnlySet<string>>(AllPaths));
    }

    /// <summary>The record as data (data/case.json, and its parts when it is split), reusing a session's unchanged elements.</summary>
    public static (ImmutableArray<OutputFile> Files, OpenDataChunks? Chunks) DataFile(CaseIndex index, OpenDataChunks? previous = null, IndexDelta? delta = null) =>
        OpenData.Write(index, new LinkBuilder(index.Settings), previous, delta);

    /// <summary>A planned site: <see cref="Run"/> hands each file to a consumer as soon as it is made, from several threads.</summary>
    public sealed class RenderJob
    {
        private readonly SiteRenderer _renderer;
        private readonly PagePlanner _planner;
        private readonly LinkBuilder _links;
        private readonly ImmutableArray<PagePlan> _pages;
        private readonly IReadOnlyList<Func<OutputFile>> _others;
        // Handed on first and then let go: a large record's files need not be held while every page renders.
        private ImmutableArray<OutputFile>? _data;

        internal RenderJob(SiteRenderer renderer, PagePlanner planner, LinkBuilder links, ImmutableArray<PagePlan> pages,
            ImmutableArray<OutputFile>? data, IReadOnlyList<Func<OutputFile>> others, ImmutableArray<string> allPages, Lazy<IReadOnlySet<string>> allPaths)
        {
            (_renderer, _planner, _links, _pages, _data, _others) = (renderer, planner, links, pages, data, others);
            AllPages = allPages;
            _allPaths = allPaths;
        }

        private readonly Lazy<IReadOnlySet<string>> _allPaths;

        /// <summary>Every page of the site, rendered by this job or not.</summary>
        public ImmutableArray<string> AllPages { get; }

        /// <summary>Every file of the whole site.</summary>
        public IReadOnlySet<string> AllPaths => _allPaths.Value;

        /// <param name="emit">
        /// Given each file, and a page's text too so nothing has to decode it again. A page's file
        /// (the one given with its text) holds bytes lent for the call: a consumer that keeps it
        /// past the call keeps a copy (<see cref="OutputFile.Content"/> is one).
        /// </param>
        /// <param name="first">Pages rendered before all others (those the search index reads, so it can start beside the rest).</param>
        public ImmutableArray<Diagnostic> Run(Action<OutputFile, ReadOnlyMemory<char>?> emit, Func<string, bool>? first = null)
        {
            // As many threads as cores: the work is CPU-bound, and the pool, seeing threads wait on
            // writes, had grown to 25 at 10,000 articles, each with its own context and buffers.
            var cores = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            var data = _data;
            _data = null;
            foreach (var file in data ?? []) emit(file, null);
            var errors = new Diagnostic?[_pages.Length];
            if (first is null) Parallel.For(0, _pages.Length, cores, Render);
            else
            {
                // The early pages in path order, handed out a few at a time from the start, so they
                // are done in about that order (the search index's parts are cut in path order, and
                // each starts when its last page is in); a plain parallel loop would start a thread
                // at each end.
                var early = Enumerable.Range(0, _pages.Length).ToLookup(i => first(_pages[i].Path));
                var inOrder = early[true].OrderBy(i => _pages[i].Path, StringComparer.Ordinal).ToArray();
                if (inOrder.Length > 0)
                    Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, inOrder.Length, 8), cores, range =>
                    {
                        for (var k = range.Item1; k < range.Item2; k++) Render(inOrder[k]);
                    });
                Parallel.ForEach(early[false].ToArray(), cores, Render);
            }
            // On every core too: one file for each source text, 10,000 at 10,000 articles, written
            // one after another had left a core idle for the last 0.7 s of the build.
            Parallel.ForEach(_others, cores, make => emit(make(), null));
            return [.. errors.OfType<Diagnostic>()];

            void Render(int i)
            {
                OutputFile file;
                ReadOnlyMemory<char> text;
                try
                {
                    var page = _pages[i].Build();
                    text = _renderer.RenderPage(page, _planner.Site(page.Path, page.Section), _links);
                    file = _renderer.Encode(page.Path, text.Span);
                }
                catch (ScriptRuntimeException e)
                {
                    errors[i] = Diagnostic.Error(new SourcePosition(e.Span.FileName ?? "theme", e.Span.Start.Line + 1, e.Span.Start.Column + 1),
                        $"template error while rendering {_pages[i].Path}: {e.OriginalMessage}");
                    return;
                }
                emit(file, text);
            }
        }
    }

    /// <summary>A page's UTF-8 bytes in this thread's buffer, valid until the thread encodes its next page (a page too big to keep a buffer for gets its own array).</summary>
    private OutputFile Encode(string path, ReadOnlySpan<char> text)
    {
        var buffer = _bytes.Value!;
        if (!Encoding.UTF8.TryGetBytes(text, buffer, out var length))
        {
            var needed = Encoding.UTF8.GetByteCount(text);
            if (needed > MaxKeptBytes)
            {
                var own = new byte[needed];
                Encoding.UTF8.GetBytes(text, own);
                return new OutputFile(path, own);
            }
            _bytes.Value = buffer = new byte[Math.Max(needed, Math.Min(2 * buffer.Length, MaxKeptBytes))];
            length = Encoding.UTF8.GetBytes(text, buffer);
        }
        return new OutputFile(path, [buffer.AsMemory(0, length)]);
    }

    /// <returns>The page's text: in this thread's buffer when it fits one block of it, valid until the thread renders its next page.</returns>
    private ReadOnlyMemory<char> RenderPage(PageSpec page, SiteView site, LinkBuilder links)
    {
        var template = theme.Layout(page.Template) ?? (page.Fallback is { } fallback ? theme.Layout(fallback) : null)
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
        var output = Buffer(_outputs);
        context.PushOutput(output);
        try
        {
            if (!theme.BodyInPlace)
            {
                globals["content"] = template.Render(context);
                return theme.Layout("_layout")!.Render(context).AsMemory();
            }
            // The body stays in its buffer and the layout copies it from there (see PageBody).
            // A stock layout written by code writes the body itself, unless the page is not its view.
            var themed = context as ThemeContext;
            if (themed?.TryWriteNative(template, output.Builder) != true)
                PooledInclude.RenderInPlace(context, template, template.Page!);
            globals["content"] = new PageBody(output.Builder);
            var whole = Buffer(_pages);
            context.PushOutput(whole);
            try
            {
                var layout = theme.Layout("_layout")!;
                if (themed?.TryWriteNative(layout, whole.Builder) != true)
                    PooledInclude.RenderInPlace(context, layout, layout.Page!);
                return Text(whole.Builder);
            }
            finally { context.PopOutput(); }
        }
        finally
        {
            context.PopOutput();
            context.PopGlobal();
        }
    }

    /// <summary>
    /// The page as it stands in its buffer, without a copy when the buffer holds it in one block
    /// (a buffer keeps the size of the largest page it held, so nearly every page): as a string
    /// each page was copied out to be copied again into its bytes, 1.1 GB of the 6.8 GB a
    /// 10,000-article build allocated.
    /// </summary>
    internal static ReadOnlyMemory<char> Text(StringBuilder builder)
    {
        ReadOnlyMemory<char> only = default;
        var blocks = 0;
        foreach (var block in builder.GetChunks())
            if (++blocks == 1) only = block;
            else return builder.ToString().AsMemory();
        return only;
    }

    // This thread's buffer, emptied (a page stopped by a template error leaves its start behind);
    // one a huge page grew past MaxKept is let go, so one page never makes the others pay.
    private static StringBuilderOutput Buffer(ThreadLocal<StringBuilderOutput> buffers)
    {
        var output = buffers.Value!;
        if (output.Builder.Capacity > MaxKept) buffers.Value = output = new StringBuilderOutput(new StringBuilder(InitialOutput));
        output.Builder.Clear();
        return output;
    }
}
