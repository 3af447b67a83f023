using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Model;
using CaseRecord.Output;
using CaseRecord.Rendering;

namespace CaseRecord.Building;

/// <summary>
/// What one build leaves the next in a long-running session (the preview): a value that a build
/// takes and a new one it returns, never changed. The session holds the latest.
/// </summary>
public sealed record PreviousBuild
{
    /// <summary>The documents read, to pass over unchanged files.</summary>
    internal LoadMemo Load { get; init; } = LoadMemo.None;

    /// <summary>
    /// Each article's analysis by path, with the key of what it was made from (the article, the
    /// people, the bodies, the quote marks). A dictionary no one changes once made: cheaper to make
    /// and to read at every save than an immutable one.
    /// </summary>
    internal IReadOnlyDictionary<string, KeptAnalysis> Analyses { get; init; } = new Dictionary<string, KeptAnalysis>(StringComparer.Ordinal);

    /// <summary>The analysis context and its key: its name matchers are too costly to make at every save.</summary>
    internal KeptContext? Context { get; init; }

    /// <summary>The last good site and the index it was made from.</summary>
    internal KeptSite? Site { get; init; }

    /// <summary>
    /// The ids of pages a link check has read, by file. A memo of a pure function of immutable
    /// files (an unchanged page is the same file object from build to build), so it may be shared.
    /// </summary>
    internal System.Runtime.CompilerServices.ConditionalWeakTable<OutputFile, List<string>> PageIds { get; init; } = [];

    internal sealed record KeptAnalysis(string Key, AnalysedArticle Result);

    internal sealed record KeptContext(string Key, AnalysisContext Context);

    /// <param name="Pages">Every page of the site, in the planner's order.</param>
    /// <param name="Data">The data file's elements, to copy the unchanged ones.</param>
    internal sealed record KeptSite(
        string ThemeKey, string SettingsKey, string ContextKey, CaseIndex Index,
        ImmutableSortedDictionary<string, OutputFile> Files, ImmutableArray<string> Pages, OpenDataChunks? Data);

    /// <summary>
    /// The same, but with one article as though edited (its analysis forgotten), so a session can
    /// rehearse an edit's rebuild; null before a first good build.
    /// </summary>
    public PreviousBuild? ForgettingOneArticle()
    {
        if (Site is not { } site || site.Index.Articles.IsEmpty) return null;
        var path = site.Index.Articles[site.Index.Articles.Length / 2].Doc.Path;
        return this with { Analyses = Analyses.Where(a => a.Key != path).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal) };
    }
}
