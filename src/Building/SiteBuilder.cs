using System.Collections.Immutable;
using System.Diagnostics;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Diagnostics;
using CaseRecord.Model;
using CaseRecord.Output;
using CaseRecord.Rendering;

namespace CaseRecord.Building;

public sealed record BuildStats(
    int Articles, int Pages, int FilesWritten, int Quotations, int Attributed, int Figures, int Speakers,
    ImmutableArray<(string Stage, TimeSpan Time)> Stages, TimeSpan Total);

public sealed record BuildResult(
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<OutputFile> Files,
    BuildStats Stats,
    SiteSettings Settings)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
    public int ErrorCount => Diagnostics.Count(d => d.IsError);
    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}

/// <summary>
/// The one place that knows the order of the stages: load → analyse → index → render → write.
/// Each stage takes the previous stage's immutable result and returns a new one; nothing is
/// written unless every stage succeeded.
/// </summary>
public sealed class SiteBuilder(IContentSource project, IReadOnlyDictionary<string, string> settingOverrides)
{
    private readonly MarkdownRenderer _markdown = new();

    public BuildResult Build(IOutputSink? sink)
    {
        var total = Stopwatch.StartNew();
        var stages = ImmutableArray.CreateBuilder<(string, TimeSpan)>();
        var diagnostics = new DiagnosticList();
        var clock = Stopwatch.StartNew();
        void Lap(string stage) { stages.Add((stage, clock.Elapsed)); clock.Restart(); }

        var loaded = new ContentLoader(project, settingOverrides).Load();
        diagnostics.AddRange(loaded.Diagnostics);
        var theme = Theme.Load(project, diagnostics);
        Lap("load");

        var analyser = new ArticleAnalyser(new AnalysisContext(loaded.Speakers, loaded.Organisations));
        var analysed = new AnalysedArticle[loaded.Articles.Length];
        Parallel.For(0, analysed.Length, i => analysed[i] = analyser.Analyse(loaded.Articles[i]));
        foreach (var a in analysed) diagnostics.AddRange(a.Diagnostics);
        Lap("analyse");

        var (index, indexDiagnostics) = CaseIndexer.Index(loaded, [.. analysed]);
        diagnostics.AddRange(indexDiagnostics);
        Lap("index");

        var files = ImmutableArray<OutputFile>.Empty;
        if (!diagnostics.HasErrors)
        {
            var (rendered, renderDiagnostics) = new SiteRenderer(theme, _markdown).Render(index);
            diagnostics.AddRange(renderDiagnostics);
            files = rendered;
        }
        Lap("render");

        var frozen = Sorted(diagnostics.ToImmutable());
        var written = 0;
        if (sink is not null && !frozen.Any(d => d.IsError))
        {
            sink.Write(files);
            written = files.Length;
        }
        Lap("write");

        var quotations = analysed.SelectMany(a => a.Quotations).Where(q => q.IsSpeech).ToList();
        var stats = new BuildStats(analysed.Length, files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), written,
            quotations.Count, quotations.Count(q => q.SpeakerSlug is not null), analysed.Sum(a => a.Figures.Length),
            index.Speakers.Length, stages.ToImmutable(), total.Elapsed);
        return new BuildResult(frozen, files, stats, loaded.Settings);
    }

    /// <summary>Diagnostics in file, line, column order so every run prints them the same way.</summary>
    private static ImmutableArray<Diagnostic> Sorted(ImmutableArray<Diagnostic> diagnostics) =>
        [.. diagnostics.Distinct()
            .OrderBy(d => d.At.Path, StringComparer.Ordinal)
            .ThenBy(d => d.At.Line)
            .ThenBy(d => d.At.Column)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
}
