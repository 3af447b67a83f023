using System.Collections.Immutable;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Analysis;

/// <summary>
/// Reads one article against its source: paragraphs, quotations and their speakers, key figures,
/// organisation mentions. Holds only what is shared and immutable (matchers), so articles are
/// analysed in parallel.
/// </summary>
public sealed class ArticleAnalyser(AnalysisContext context)
{
    public AnalysedArticle Analyse(LoadedArticle article)
    {
        var (doc, source, _) = article;
        var diagnostics = new DiagnosticList();

        var omit = doc.Omit.Select(o => o.Value.Trim()).ToHashSet(StringComparer.Ordinal);
        var paragraphs = ParagraphSplitter.Mark(source.Paragraphs, omit);
        foreach (var o in doc.Omit)
            if (!paragraphs.Any(p => p.Text == o.Value.Trim()))
                diagnostics.Error(o.At, $"omit: no paragraph of {source.Path} is exactly '{o.Value}'; copy a whole paragraph");

        foreach (var s in doc.Speakers)
            if (!context.Speakers.ContainsKey(s.Value))
                diagnostics.Error(s.At, KeySuggester.UnknownSlug("speaker", s.Value, $"input/speakers/{s.Value}.md", context.Speakers.Keys));

        var found = QuotationFinder.Find(paragraphs, context.QuoteMarks);
        var named = new List<PersonMention>();
        var quotations = context.Attributor.Attribute(doc, source, paragraphs, found, diagnostics, named);
        var figures = FigureLocator.Locate(doc, source, paragraphs, quotations, diagnostics, context.Figures);
        var mentions = FindMentions(paragraphs, figures);
        var people = PeopleNamed(named, figures, mentions);
        WarnUncoveredNumbers(source, paragraphs, figures, diagnostics);

        var quoted = quotations.Where(q => q.SpeakerSlug is not null).Select(q => q.SpeakerSlug!).ToHashSet();
        // An override to an unknown slug is an error already, and the quotation it took may be the listed speaker's.
        var overrideUnknown = doc.Quotes.Any(o => o.Speaker is { } sp && !context.Speakers.ContainsKey(sp.Value));
        foreach (var s in doc.Speakers)
            if (context.Speakers.ContainsKey(s.Value) && !quoted.Contains(s.Value) && !overrideUnknown)
                diagnostics.Warning(s.At, $"speaker '{s.Value}' is listed but no quotation in {source.Path} is attributed to them", "speaker listed but not quoted");

        return new AnalysedArticle(doc, source, paragraphs, quotations, figures, mentions, Capped(diagnostics.ToImmutable(), doc.Path)) { People = people };
    }

    /// <summary>How many warnings one article may print; a pasted page of stray quotation marks would otherwise print millions.</summary>
    public const int WarningLimit = 100;

    private static ImmutableArray<Diagnostic> Capped(ImmutableArray<Diagnostic> diagnostics, string path)
    {
        var warnings = diagnostics.Count(d => !d.IsError);
        if (warnings <= WarningLimit) return diagnostics;
        var kept = diagnostics.Where(d => d.IsError).Concat(diagnostics.Where(d => !d.IsError).Take(WarningLimit)).ToList();
        kept.Add(Diagnostic.Warning(new SourcePosition(path, 1, 1), $"{warnings - WarningLimit:N0} more warnings for this article are not shown", "more warnings of one article not shown"));
        return [.. kept];
    }

    private ImmutableArray<OrganisationMention> FindMentions(ImmutableArray<Paragraph> paragraphs, ImmutableArray<LocatedFigure> figures)
    {
        var result = ImmutableArray.CreateBuilder<OrganisationMention>();
        foreach (var p in paragraphs)
        {
            if (p.Omitted) continue;
            foreach (var hit in context.Organisations.Find(p.Text))
            {
                // A figure's link wins where the two overlap: one element cannot be both links.
                var overlapsFigure = figures.Any(f => f.Paragraph == p.Number && f.Start < hit.End && hit.Start < f.End);
                if (!overlapsFigure) result.Add(new OrganisationMention(hit.Slug, p.Number, hit.Start, hit.End));
            }
        }
        return result.ToImmutable();
    }

    /// <summary>The speakers named, less any whose words a figure or an organisation mention covers (one element cannot be two links; a body that speaks is linked as the organisation).</summary>
    private ImmutableArray<PersonMention> PeopleNamed(List<PersonMention> named, ImmutableArray<LocatedFigure> figures, ImmutableArray<OrganisationMention> mentions)
    {
        var figuresIn = figures.ToLookup(f => f.Paragraph);
        var organisationsIn = mentions.ToLookup(o => o.Paragraph);
        return [.. named.Where(m => context.Speakers.ContainsKey(m.SpeakerSlug)
            && !figuresIn[m.Paragraph].Any(f => f.Start < m.End && m.Start < f.End)
            && !organisationsIn[m.Paragraph].Any(o => o.Start < m.End && m.Start < o.End))
            .OrderBy(m => m.Paragraph).ThenBy(m => m.Start)];
    }

    private static void WarnUncoveredNumbers(SourceText source, ImmutableArray<Paragraph> paragraphs, ImmutableArray<LocatedFigure> figures, DiagnosticList diagnostics)
    {
        foreach (var p in paragraphs)
        {
            if (p.Omitted) continue;
            foreach (var (start, end, text) in FigureLocator.Numbers(p.Text))
            {
                if (figures.Any(f => f.Paragraph == p.Number && f.Start <= start && end <= f.End)) continue;
                diagnostics.Warning(source.PositionOf(p.Start + start), $"the number {text} in {p.Anchor} is not covered by any key figure; add one to 'figures:' if it matters", "number not covered by any key figure");
            }
        }
    }
}

/// <summary>What every article's analysis shares: built once per build.</summary>
public sealed class AnalysisContext
{
    public AnalysisContext(IEnumerable<SpeakerDoc> speakers, IEnumerable<OrganisationDoc> organisations, QuoteMarks quoteMarks = QuoteMarks.Double,
        IEnumerable<CaseFigureDoc>? figures = null)
    {
        QuoteMarks = quoteMarks;
        Figures = (figures ?? []).GroupBy(f => f.Id).ToImmutableDictionary(g => g.Key, g => g.First());
        Speakers = speakers.GroupBy(s => s.Slug).ToImmutableDictionary(g => g.Key, g => g.First());
        SpeakerNames = new NameMatcher(Speakers.Values.OrderBy(s => s.Slug, StringComparer.Ordinal).Select(s => (s.Slug, SpeakerNameForms(s))));
        var organisationDocs = organisations.ToList();
        Organisations = new NameMatcher(organisationDocs.Select(o => (o.Slug, o.Aliases.Prepend(o.Name))));
        Attributor = new Attributor(SpeakerNames, Organisations, new Attribution.SpeakerDirectory(Speakers.Values, organisationDocs));
    }

    /// <summary>The marks that make a quotation (the <c>QuoteMarks</c> setting).</summary>
    public QuoteMarks QuoteMarks { get; }

    public ImmutableDictionary<string, SpeakerDoc> Speakers { get; }

    /// <summary>The case-level figures, by id, that an article's <c>figure:</c> items state.</summary>
    public ImmutableDictionary<string, CaseFigureDoc> Figures { get; }
    public NameMatcher SpeakerNames { get; }
    public NameMatcher Organisations { get; }
    public Attributor Attributor { get; }

    /// <summary>The full name, aliases, and the surname after each title (Ms Thornton, Dame Thornton …).</summary>
    public static IEnumerable<string> SpeakerNameForms(SpeakerDoc s)
    {
        yield return s.Name;
        foreach (var a in s.Aliases) yield return a;
        var words = s.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2) yield break;
        var surname = words[^1];
        foreach (var t in NameMatcher.Titles)
        {
            yield return $"{t} {surname}";
            yield return $"{t}. {surname}";
            // Sir and Dame go with the first name too: Sir Tom, Dame Sara.
            if (t is "Sir" or "Dame") yield return $"{t} {words[0]}";
        }
    }
}
