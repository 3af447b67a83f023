using System.Collections.Immutable;
using System.Diagnostics;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Diagnostics;
using CaseRecord.Model;
using CaseRecord.Output;
using CaseRecord.Rendering;

namespace CaseRecord.Building;

/// <param name="Quotes">Every quotation of the record, counted by the kind of evidence for its source.</param>
public sealed record BuildStats(
    int Articles, int Pages, int FilesWritten, QuotationTally Quotes, int Figures, int Speakers,
    int ArticlesAnalysed, int PagesRendered, bool Incremental,
    ImmutableArray<(string Stage, TimeSpan Time)> Stages, TimeSpan Total)
{
    /// <summary>Quotations that are speech (not the words the editors marked as not speech).</summary>
    public int Quotations => Quotes.Speech;

    /// <summary>Quotations given to a speaker of the record.</summary>
    public int Attributed => Quotes.Attributed;
}

/// <param name="Changed">Paths whose bytes differ from the previous build's (added, changed or removed); all files on a first build.</param>
/// <param name="FilesByPath">Every file of the site by path (after an incremental build too); none after a failed or streamed build.</param>
public sealed record BuildResult(
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<string> Changed,
    BuildStats Stats,
    SiteSettings Settings,
    IReadOnlyDictionary<string, OutputFile> FilesByPath)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
    public int ErrorCount => Diagnostics.Count(d => d.IsError);
    public int WarningCount => Diagnostics.Count(d => d.IsWarning);

    /// <summary>Every file of the site in path order, listed when asked for (a preview rebuild hands its 130,000 files on by path).</summary>
    public ImmutableArray<OutputFile> Files => [.. FilesByPath.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value)];
}

/// <summary>
/// The one place that knows the order of the stages: load → analyse → index → render → write.
/// Each stage takes the previous stage's immutable result and returns a new one; nothing is
/// written unless every stage succeeded.
/// </summary>
public sealed class SiteBuilder(IContentSource project, IReadOnlyDictionary<string, string> settingOverrides)
{
    private readonly MarkdownRenderer _markdown = new();

    /// <param name="progress">Told the name of each stage as it finishes, for a progress display.</param>
    public BuildResult Build(IOutputSink? sink, BuildCache? cache = null, IProgress<string>? progress = null)
    {
        var total = Stopwatch.StartNew();
        var stages = ImmutableArray.CreateBuilder<(string, TimeSpan)>();
        var diagnostics = new DiagnosticList();
        var clock = Stopwatch.StartNew();
        void Lap(string stage) { stages.Add((stage, clock.Elapsed)); clock.Restart(); progress?.Report(stage); }

        var loaded = new ContentLoader(project, settingOverrides, cache?.Load).Load();
        diagnostics.AddRange(loaded.Diagnostics);
        var theme = Theme.Load(project, diagnostics);
        Lap("load");

        var (analysed, keys, analysedNow) = AnalyseArticles(loaded, cache, diagnostics);
        if (cache is not null)
            cache.Analyses = analysed.Select((a, i) => new BuildCache.Analysis(keys[i], a)).ToDictionary(x => x.Result.Doc.Path, StringComparer.Ordinal);
        Lap("analyse");

        // In a session, the last good site is reused where settings, speakers and organisations
        // are unchanged: its index brought up to date when only a few articles changed.
        var sameRecord = cache?.Last is { } kept && kept.SettingsKey == loaded.SettingsFingerprint && kept.ContextKey == loaded.ContextFingerprint ? kept : null;
        ImmutableArray<AnalysedArticle> analyses = [.. analysed];
        var updated = sameRecord is null || diagnostics.HasErrors ? null : CaseIndexer.Update(sameRecord.Index, loaded, analyses);
        var (index, indexDiagnostics) = updated is not null ? (updated, []) : CaseIndexer.Index(loaded, analyses);
        diagnostics.AddRange(indexDiagnostics);
        Lap("index");

        // A plain build to disk streams: each page goes to the sink as it is made and only its
        // links are kept, so memory holds the record, never the whole site.
        if (cache is null && sink is IStreamingSink streaming)
            return Streamed(loaded, analysed, index, theme, streaming, diagnostics, stages, Lap, total, analysedNow);

        var files = ImmutableSortedDictionary<string, OutputFile>.Empty.WithComparers(StringComparer.Ordinal);
        var changed = ImmutableArray<string>.Empty;
        var rendered = 0;
        var pageCount = 0;
        var incremental = false;
        var articleKeys = analysed.Select((a, i) => (a.Doc.Path, keys[i])).ToDictionary(x => x.Path, x => x.Item2, StringComparer.Ordinal);
        if (!diagnostics.HasErrors)
        {
            // Its pages too, where the theme is also unchanged.
            var last = sameRecord is not null && sameRecord.ThemeKey == theme.Fingerprint ? sameRecord : null;
            cache?.OpenData.Use(loaded.SettingsFingerprint);
            // The data file and the choice of pages both read the finished index only: side by side.
            var data = Task.Run(() => SiteRenderer.DataFile(index, cache?.OpenData));
            var plan = last is not null ? IncrementalPlan.For(last, index, articleKeys) : null;
            Lap("plan");
            var job = new SiteRenderer(theme, _markdown).Prepare(index, plan?.Pages, plan?.Sources, data.GetAwaiter().GetResult(), plan?.SamePages);
            Lap("data");
            var output = SiteRenderer.Render(job);
            Lap("render");
            diagnostics.AddRange(output.Diagnostics);
            pageCount = output.AllPages.Length;
            rendered = plan is null ? pageCount : output.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
            incremental = plan is not null;
            (files, changed) = plan is null
                ? (output.Files.ToImmutableSortedDictionary(f => f.Path, f => f, StringComparer.Ordinal), ImmutableArray<string>.Empty)
                : IncrementalPlan.Merge(last!, output.Files, output.AllPages, index);
            if (plan is null) changed = Changes(cache?.Last?.Files, files);
            Lap("merge");
            // An incremental build checks the pages it rendered; the others and their targets are unchanged.
            var toCheck = plan is null ? files.Keys : (IEnumerable<string>)plan.Pages;
            diagnostics.AddRange(Checks.LinkValidator.Validate(files, toCheck, loaded.Settings, cache?.PageIds));
            if (cache is not null && !diagnostics.HasErrors)
                cache.Last = new BuildCache.LastSite(theme.Fingerprint, loaded.SettingsFingerprint, loaded.ContextFingerprint, index, articleKeys, files, output.AllPages);
            Lap("links");
        }

        var frozen = Sorted(diagnostics.ToImmutable());
        var written = 0;
        var failed = frozen.Any(d => d.IsError);
        if (sink is not null && !failed && !files.IsEmpty)
        {
            sink.Write([.. files.Values]);
            written = files.Count;
        }
        Lap("write");

        var stats = Stats(analysed, index, pageCount, written, analysedNow, rendered, incremental,
            stages.ToImmutable(), total.Elapsed);
        return new BuildResult(frozen, failed ? [] : changed, stats, loaded.Settings,
            failed ? ImmutableDictionary<string, OutputFile>.Empty : files);
    }

    /// <summary>
    /// Loads and analyses the project and joins the record, for a report on it (the <c>quotes</c>
    /// command): no theme, no pages, nothing written.
    /// </summary>
    public (CaseIndex Index, ImmutableArray<Diagnostic> Diagnostics) Analyse()
    {
        var diagnostics = new DiagnosticList();
        var loaded = new ContentLoader(project, settingOverrides).Load();
        diagnostics.AddRange(loaded.Diagnostics);
        var (analysed, _, _) = AnalyseArticles(loaded, null, diagnostics);
        var (index, indexDiagnostics) = CaseIndexer.Index(loaded, [.. analysed]);
        diagnostics.AddRange(indexDiagnostics);
        return (index, Sorted(diagnostics.ToImmutable()));
    }

    /// <summary>Every article analysed, in parallel; with a cache, an article whose key is unchanged keeps its last analysis.</summary>
    /// <returns>The analyses in the order of <see cref="LoadedProject.Articles"/>, each article's key, and how many were analysed now.</returns>
    private static (AnalysedArticle[] Analysed, string[] Keys, int AnalysedNow) AnalyseArticles(LoadedProject loaded, BuildCache? cache, DiagnosticList diagnostics)
    {
        // Made only if an article needs analysing, and kept by a session while the people, the bodies and the quote marks are unchanged.
        var analyser = new Lazy<ArticleAnalyser>(() =>
        {
            var context = cache?.Context is { } kept && kept.Key == loaded.ContextFingerprint
                ? kept.Context
                : new AnalysisContext(loaded.Speakers, loaded.Organisations, loaded.Settings.QuoteMarks);
            if (cache is not null) cache.Context = (loaded.ContextFingerprint, context);
            return new ArticleAnalyser(context);
        });
        var analysed = new AnalysedArticle[loaded.Articles.Length];
        var keys = loaded.Articles.Select(a => a.Fingerprint + loaded.ContextFingerprint).ToArray();
        var previous = cache?.Analyses ?? new Dictionary<string, BuildCache.Analysis>();
        var analysedNow = 0;
        Parallel.For(0, analysed.Length, i =>
        {
            if (previous.TryGetValue(loaded.Articles[i].Doc.Path, out var hit) && hit.Key == keys[i])
            {
                analysed[i] = hit.Result;
                return;
            }
            analysed[i] = analyser.Value.Analyse(loaded.Articles[i]);
            Interlocked.Increment(ref analysedNow);
        });
        foreach (var a in analysed) diagnostics.AddRange(a.Diagnostics);
        return (analysed, keys, analysedNow);
    }

    private BuildResult Streamed(LoadedProject loaded, AnalysedArticle[] analysed, CaseIndex index, Theme theme, IStreamingSink sink,
        DiagnosticList diagnostics, ImmutableArray<(string, TimeSpan)>.Builder stages, Action<string> lap, Stopwatch total, int analysedNow)
    {
        var pages = 0;
        var files = 0;
        var written = 0;
        if (!diagnostics.HasErrors)
        {
            using var session = sink.Begin();
            // The data file first, straight to disk: the pages show its size.
            var dataBytes = session.Add(SitePaths.Data, stream => OpenData.Write(index, new LinkBuilder(index.Settings), stream));
            files++;
            lap("data");
            var job = new SiteRenderer(theme, _markdown).Prepare(index, dataWritten: dataBytes);
            var links = new Checks.LinkChecker(job.AllPaths.Contains, loaded.Settings);
            diagnostics.AddRange(job.Run((file, text) =>
            {
                if (file.Path.EndsWith(".html", StringComparison.Ordinal))
                {
                    links.Scan(file.Path, text ?? System.Text.Encoding.UTF8.GetString(file.Content));
                    Interlocked.Increment(ref pages);
                }
                session.Add(file);
                Interlocked.Increment(ref files);
            }));
            lap("render");
            diagnostics.AddRange(links.Finish());
            lap("links");
            if (!diagnostics.HasErrors)
            {
                session.Commit();
                written = files;
            }
        }
        lap("write");
        var frozen = Sorted(diagnostics.ToImmutable());
        var stats = Stats(analysed, index, pages, written, analysedNow, analysed.Length, false, stages.ToImmutable(), total.Elapsed);
        return new BuildResult(frozen, [], stats, loaded.Settings, ImmutableDictionary<string, OutputFile>.Empty);
    }

    private static BuildStats Stats(AnalysedArticle[] analysed, CaseIndex index, int pages, int written, int analysedNow, int rendered, bool incremental,
        ImmutableArray<(string, TimeSpan)> stages, TimeSpan total)
    {
        var quotes = QuotationTally.Of(analysed.SelectMany(a => a.Quotations));
        var figures = analysed.Sum(a => a.Figures.Length);
        return new BuildStats(analysed.Length, pages, written, quotes, figures, index.Speakers.Length, analysedNow, rendered, incremental, stages, total);
    }

    private static ImmutableArray<string> Changes(ImmutableSortedDictionary<string, OutputFile>? before, ImmutableSortedDictionary<string, OutputFile> after)
    {
        if (before is null) return [.. after.Keys];
        var changed = ImmutableArray.CreateBuilder<string>();
        foreach (var (path, file) in after)
            if (!before.TryGetValue(path, out var old) || !old.SameBytes(file))
                changed.Add(path);
        foreach (var path in before.Keys)
            if (!after.ContainsKey(path)) changed.Add(path);
        return changed.ToImmutable();
    }

    /// <summary>Diagnostics in file, line, column order so every run prints them the same way.</summary>
    private static ImmutableArray<Diagnostic> Sorted(ImmutableArray<Diagnostic> diagnostics) =>
        [.. diagnostics.Distinct()
            .OrderBy(d => d.At.Path, StringComparer.Ordinal)
            .ThenBy(d => d.At.Line)
            .ThenBy(d => d.At.Column)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
}
