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
/// written unless every stage succeeded. How the site is rendered is one of three strategies over
/// the same stages: streamed to disk, whole in memory, or (in a session) only what changed.
/// </summary>
public sealed class SiteBuilder(IContentSource project, IReadOnlyDictionary<string, string> settingOverrides)
{
    private readonly MarkdownRenderer _markdown = new();

    /// <summary>Whether the theme's stock templates are written by code (the default); off only to check that it makes the same pages as Scriban.</summary>
    internal bool NativeTemplates { get; init; } = true;

    /// <summary>A build on its own: streamed to a disk sink, page by page, or whole into memory.</summary>
    /// <param name="progress">Told the name of each stage as it finishes, for a progress display.</param>
    public BuildResult Build(IOutputSink? sink, IProgress<string>? progress = null)
    {
        var clock = new StageClock(progress);
        var diagnostics = new DiagnosticList();
        var loaded = new ContentLoader(project, settingOverrides).Load();
        diagnostics.AddRange(loaded.Diagnostics);
        var theme = Theme.Load(project, diagnostics, NativeTemplates);
        clock.Lap("load");
        var analyses = Analyse(loaded, null, diagnostics, out _);
        clock.Lap("analyse");
        var analysed = analyses.Select(a => a.Result).ToArray();
        var index = Full(loaded, analysed, diagnostics);
        clock.Lap("index");
        if (sink is IStreamingSink streaming)
            return Finish(StreamedSite.Render(new SiteRenderer(theme, _markdown), index, loaded.Settings, streaming, diagnostics, clock),
                loaded, analysed, index, analysed.Length, diagnostics, clock);
        var site = diagnostics.HasErrors ? null : WholeSite.Render(new SiteRenderer(theme, _markdown), index, () => SiteRenderer.DataFile(index).Files, null, null, diagnostics, clock);
        return Finish(Written(site, sink, diagnostics, clock), loaded, analysed, index, analysed.Length, diagnostics, clock);
    }

    /// <summary>
    /// A build in a long-running session: what <paramref name="previous"/> holds is reused where its
    /// inputs are unchanged, down to the pages, and the value for the next build is returned.
    /// </summary>
    public (BuildResult Result, PreviousBuild Next) Build(IOutputSink? sink, PreviousBuild previous, IProgress<string>? progress = null)
    {
        var clock = new StageClock(progress);
        var diagnostics = new DiagnosticList();
        var (loaded, memo) = new ContentLoader(project, settingOverrides).Load(previous.Load);
        diagnostics.AddRange(loaded.Diagnostics);
        var theme = Theme.Load(project, diagnostics, NativeTemplates);
        clock.Lap("load");
        var analyses = Analyse(loaded, previous, diagnostics, out var context);
        var analysed = analyses.Select(a => a.Result).ToArray();
        var next = previous with
        {
            Load = memo,
            Analyses = analyses.ToDictionary(a => a.Result.Doc.Path, StringComparer.Ordinal),
            Context = context ?? previous.Context,
        };
        clock.Lap("analyse");

        // The last good site is reused where settings, speakers and organisations are unchanged:
        // its index brought up to date, and with it the list of what changed.
        var same = previous.Site is { } kept && kept.SettingsKey == loaded.SettingsFingerprint && kept.ContextKey == loaded.ContextFingerprint ? kept : null;
        var updated = same is null || diagnostics.HasErrors ? null : CaseIndexer.Update(same.Index, loaded, [.. analysed]);
        var (index, delta) = updated ?? (Full(loaded, analysed, diagnostics), IndexDelta.Everything);
        clock.Lap("index");
        if (diagnostics.HasErrors) return (Finish(null, loaded, analysed, index, CountAnalysed(analyses, previous), diagnostics, clock), next);

        // Its pages too, where the theme is also unchanged.
        var last = same is not null && same.ThemeKey == theme.Fingerprint ? same : null;
        var renderer = new SiteRenderer(theme, _markdown);
        // The data file reads the finished index only, so it is made while the pages are chosen.
        var data = Task.Run(() => SiteRenderer.DataFile(index, same?.Data ?? OpenDataChunks.None, delta));
        var site = last is not null && !delta.IsEverything
            ? IncrementalSite.Render(renderer, index, delta, () => data.Result.Files, last, previous.PageIds, diagnostics, clock)
            : WholeSite.Render(renderer, index, () => data.Result.Files, last?.Files ?? previous.Site?.Files, previous.PageIds, diagnostics, clock);
        if (!diagnostics.HasErrors)
            next = next with { Site = new(theme.Fingerprint, loaded.SettingsFingerprint, loaded.ContextFingerprint, index, site.Files, site.AllPages, data.Result.Chunks) };
        return (Finish(Written(site, sink, diagnostics, clock), loaded, analysed, index, CountAnalysed(analyses, previous), diagnostics, clock), next);
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
        var analysed = Analyse(loaded, null, diagnostics, out _).Select(a => a.Result).ToArray();
        var index = Full(loaded, analysed, diagnostics);
        return (index, Sorted(diagnostics.ToImmutable()));
    }

    private static CaseIndex Full(LoadedProject loaded, AnalysedArticle[] analysed, DiagnosticList diagnostics)
    {
        var (index, indexDiagnostics) = CaseIndexer.Index(loaded, [.. analysed]);
        diagnostics.AddRange(indexDiagnostics);
        return index;
    }

    /// <summary>Every article analysed, in parallel, in the order of <see cref="LoadedProject.Articles"/>; an article whose key is unchanged keeps its last analysis.</summary>
    /// <param name="context">The analysis context, when one was made or kept for this build.</param>
    private static PreviousBuild.KeptAnalysis[] Analyse(LoadedProject loaded, PreviousBuild? previous, DiagnosticList diagnostics, out PreviousBuild.KeptContext? context)
    {
        var made = (PreviousBuild.KeptContext?)null;
        // Made only if an article needs analysing, and kept by a session while the people, the bodies and the quote marks are unchanged.
        var analyser = new Lazy<ArticleAnalyser>(() =>
        {
            made = previous?.Context is { } kept && kept.Key == loaded.ContextFingerprint
                ? kept
                : new(loaded.ContextFingerprint, new AnalysisContext(loaded.Speakers, loaded.Organisations, loaded.Settings.QuoteMarks, loaded.Figures));
            return new ArticleAnalyser(made.Context);
        });
        var analysed = new PreviousBuild.KeptAnalysis[loaded.Articles.Length];
        Parallel.For(0, analysed.Length, i =>
        {
            var article = loaded.Articles[i];
            var key = article.Fingerprint + loaded.ContextFingerprint;
            analysed[i] = previous is not null && previous.Analyses.TryGetValue(article.Doc.Path, out var hit) && hit.Key == key
                ? hit
                : new(key, analyser.Value.Analyse(article));
        });
        foreach (var a in analysed) diagnostics.AddRange(a.Result.Diagnostics);
        context = made;
        return analysed;
    }

    private static int CountAnalysed(PreviousBuild.KeptAnalysis[] analyses, PreviousBuild previous) =>
        analyses.Count(a => !previous.Analyses.TryGetValue(a.Result.Doc.Path, out var hit) || !ReferenceEquals(hit, a));

    /// <summary>The site written to the sink, if every stage succeeded.</summary>
    private static SiteOutcome? Written(SiteOutcome? site, IOutputSink? sink, DiagnosticList diagnostics, StageClock clock)
    {
        if (site is null) return null;
        var written = 0;
        if (sink is not null && !diagnostics.HasErrors && !site.Files.IsEmpty)
        {
            sink.Write([.. site.Files.Values]);
            written = site.Files.Count;
        }
        clock.Lap("write");
        return site with { Written = written };
    }

    private static BuildResult Finish(SiteOutcome? site, LoadedProject loaded, AnalysedArticle[] analysed, CaseIndex index, int analysedNow,
        DiagnosticList diagnostics, StageClock clock)
    {
        if (site is null) clock.Lap("write");
        var frozen = Sorted(diagnostics.ToImmutable());
        var failed = frozen.Any(d => d.IsError);
        var quotes = QuotationTally.Of(analysed.SelectMany(a => a.Quotations));
        var stats = new BuildStats(analysed.Length, site?.Pages ?? 0, failed ? 0 : site?.Written ?? 0, quotes, analysed.Sum(a => a.Figures.Length), index.Speakers.Length,
            analysedNow, site?.Rendered ?? 0, site?.Incremental ?? false, clock.Stages, clock.Total);
        return new BuildResult(frozen, failed || site is null ? [] : site.Changed, stats, loaded.Settings,
            failed || site is null ? ImmutableDictionary<string, OutputFile>.Empty : site.Files);
    }

    /// <summary>Diagnostics in file, line, column order so every run prints them the same way.</summary>
    private static ImmutableArray<Diagnostic> Sorted(ImmutableArray<Diagnostic> diagnostics) =>
        [.. diagnostics.Distinct()
            .OrderBy(d => d.At.Path, StringComparer.Ordinal)
            .ThenBy(d => d.At.Line)
            .ThenBy(d => d.At.Column)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
}
