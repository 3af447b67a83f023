using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Model;

/// <summary>
/// A key figure in the context of the whole record. <see cref="SameValueGroup"/> holds the ids of
/// every figure of the same value and kind, this one included, sorted; the array is shared by the
/// whole group, so a value many figures share (a year) costs one array, not one per figure.
/// </summary>
public sealed record FigureEntry(
    LocatedFigure Figure,
    AnalysedArticle Article,
    FigureEntry? Of,
    decimal? Percent,
    ImmutableArray<string> SameValueGroup)
{
    public string Id => Figure.Id;

    /// <summary>How many other figures have this value.</summary>
    public int SameValueCount => SameValueGroup.Length - 1;

    /// <summary>The other figures of this value, in id order.</summary>
    public IEnumerable<string> SameValueIds => SameValueGroup.Where(id => id != Id);

    /// <summary>This figure's place in its group (0-based, in id order).</summary>
    public int SameValueRank => Math.Max(0, SameValueGroup.BinarySearch(Id, StringComparer.Ordinal));

    private readonly ImmutableArray<FigureStatement> _statements;

    /// <summary>
    /// Every article's statement of the figure, in the record's order: several for a fact of the
    /// case (<see cref="Case"/>), one for a figure of an article alone.
    /// </summary>
    public ImmutableArray<FigureStatement> Statements
    {
        get => _statements.IsDefault ? [new(Figure, Article)] : _statements;
        init => _statements = value;
    }

    /// <summary>The case-level figure file, when the figure is a fact of the case.</summary>
    public CaseFigureDoc? Case { get; init; }

    /// <summary>How many articles state the figure: one statement each, since the analysis refuses a second in one article.</summary>
    public int Sources => _statements.IsDefault ? 1 : _statements.Length;

    /// <summary>Whether the statements give different values (then <see cref="Figure"/>'s is the first's, or the editors' settled <c>value</c>).</summary>
    public bool Differs => !_statements.IsDefault && _statements.Any(s => !FigureStatement.SameValue(s.Figure, _statements[0].Figure));
}

/// <summary>
/// What makes figures "of the same value": the value, the kind (2015 the year is not 2,015
/// people), for money the currency (£100 is not $100) and the unit (10 years are not 10 days).
/// </summary>
public readonly record struct ValueKey(decimal Value, FigureKind Kind, string? Currency, string? Unit = null)
{
    public static ValueKey Of(LocatedFigure f) =>
        new(f.Value, f.Spec.Kind, f.Spec.Kind == FigureKind.Money ? f.Currency : null, f.Unit?.Trim().ToLowerInvariant() is { Length: > 0 } unit ? unit : null);

    /// <summary>
    /// A name for the value fit for a path, one for each key: kind, currency, value and unit
    /// (<c>year-2005</c>, <c>money-gbp-2300000</c>, <c>duration-10-years</c>, <c>percent-12p5</c>).
    /// A unit with characters a path cannot keep also gets a hash of itself, so km² and km³ stay two names.
    /// </summary>
    public string Name
    {
        get
        {
            var value = Value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture).Replace(".", "p", StringComparison.Ordinal);
            if (value.StartsWith('-')) value = "minus-" + value[1..];
            var name = new System.Text.StringBuilder(Kind.ToString().ToLowerInvariant());
            if (Currency is not null) name.Append('-').Append(Slug(Currency));
            name.Append('-').Append(value);
            if (Unit is not null)
            {
                var unit = Slug(Unit);
                name.Append('-').Append(unit);
                if (unit != Unit) name.Append('-').Append(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Unit)))[..8]);
            }
            return name.ToString();
        }
    }

    private static string Slug(string text)
    {
        var slug = new System.Text.StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(ch);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        return slug.ToString().TrimEnd('-') is { Length: > 0 } s ? s : "unit";
    }
}

/// <summary>Every figure of one value (<see cref="ValueKey"/>), by id.</summary>
public sealed record ValueGroup(ValueKey Key, ImmutableArray<string> Ids)
{
    public string Name => Key.Name;
}

/// <summary>One article's statement of a figure: the figure as that article's words give it.</summary>
public sealed record FigureStatement(LocatedFigure Figure, AnalysedArticle Article)
{
    /// <summary>Two statements agree when they give the same value (and, for money, the same currency).</summary>
    public static bool SameValue(LocatedFigure x, LocatedFigure y) => x.Value == y.Value && x.Currency == y.Currency;
}

/// <summary>An item of the record found in one article (a quotation, a mention).</summary>
public interface IArticleRef
{
    AnalysedArticle Article { get; }
}

public sealed record QuotationRef(AnalysedArticle Article, Quotation Quotation) : IArticleRef;

public sealed record MentionRef(AnalysedArticle Article, OrganisationMention Mention) : IArticleRef;

/// <summary>A place where a speaker is named (<see cref="AnalysedArticle.People"/>), with its article.</summary>
public sealed record PersonMentionRef(AnalysedArticle Article, PersonMention Mention) : IArticleRef;

/// <summary>
/// The record after every article is analysed: the cross-document facts (speaker pages, figure
/// ratios and equal values, the timeline). Built only from finished analyses, never before.
/// </summary>
public sealed record CaseIndex(
    SiteSettings Settings,
    HomeDoc Home,
    ImmutableArray<AnalysedArticle> Articles,
    ImmutableArray<SpeakerDoc> Speakers,
    ImmutableArray<OrganisationDoc> Organisations,
    IReadOnlyDictionary<string, FigureEntry> Figures,
    ImmutableArray<FigureEntry> FiguresInOrder,
    ImmutableDictionary<string, ImmutableArray<QuotationRef>> QuotationsBySpeaker,
    ImmutableDictionary<string, ImmutableArray<MentionRef>> MentionsByOrganisation,
    ImmutableArray<FigureEntry> Timeline)
{
    /// <summary>Where each speaker is named, in the record's order (as <see cref="MentionsByOrganisation"/>).</summary>
    public ImmutableDictionary<string, ImmutableArray<PersonMentionRef>> MentionsBySpeaker { get; init; } = ImmutableDictionary<string, ImmutableArray<PersonMentionRef>>.Empty;

    /// <summary>Figures that are a share of the given one (their <c>of</c> names it).</summary>
    public ILookup<string, FigureEntry> SharesOf { get; } = FiguresInOrder.Where(f => f.Of is not null).ToLookup(f => f.Of!.Id, StringComparer.Ordinal);

    private readonly ImmutableDictionary<string, SpeakerDoc> _speakers = Speakers.ToImmutableDictionary(s => s.Slug);
    private readonly ImmutableDictionary<string, OrganisationDoc> _organisations = Organisations.ToImmutableDictionary(o => o.Slug);

    /// <summary>The ids of each value's figures (as in <see cref="FigureEntry.SameValueGroup"/>), kept so an update can regroup only the values an edit touched.</summary>
    internal IReadOnlyDictionary<ValueKey, ImmutableArray<string>>? SameValueGroups { get; init; }

    public SpeakerDoc? Speaker(string slug) => _speakers.GetValueOrDefault(slug);

    private Dictionary<string, ValueGroup>? _valueGroupsByName;

    /// <summary>Each value's figures (<see cref="SameValueGroups"/>) by the value's <see cref="ValueKey.Name"/>.</summary>
    public IReadOnlyDictionary<string, ValueGroup> ValueGroupsByName
    {
        get
        {
            var byName = Volatile.Read(ref _valueGroupsByName);
            if (byName is null)
            {
                byName = new Dictionary<string, ValueGroup>(StringComparer.Ordinal);
                foreach (var (key, ids) in SameValueGroups ?? new Dictionary<ValueKey, ImmutableArray<string>>())
                    byName[key.Name] = new ValueGroup(key, ids);
                Volatile.Write(ref _valueGroupsByName, byName);
            }
            return byName;
        }
    }

    private Dictionary<string, AnalysedArticle>? _articlesBySlug;

    /// <summary>The article with this slug (the first, if an editor gave two the same), or null.</summary>
    public AnalysedArticle? Article(string slug)
    {
        var bySlug = Volatile.Read(ref _articlesBySlug);
        if (bySlug is null)
        {
            bySlug = new Dictionary<string, AnalysedArticle>(Articles.Length, StringComparer.Ordinal);
            foreach (var a in Articles) bySlug.TryAdd(a.Slug, a);
            Volatile.Write(ref _articlesBySlug, bySlug);
        }
        return bySlug.GetValueOrDefault(slug);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _articlesQuoting = new(StringComparer.Ordinal);

    /// <summary>How many articles quote the speaker; counted once (every page of the speaker's list shows it).</summary>
    public int ArticlesQuoting(string slug) => _articlesQuoting.GetOrAdd(slug, s => ArticlesIn(QuotationsBySpeaker.GetValueOrDefault(s, [])));

    /// <summary>How many articles a list of quotations comes from: in the record's order, an article's stand side by side.</summary>
    public static int ArticlesIn(ImmutableArray<QuotationRef> quotations)
    {
        var count = 0;
        for (var i = 0; i < quotations.Length; i++)
            if (i == 0 || !ReferenceEquals(quotations[i].Article, quotations[i - 1].Article)) count++;
        return count;
    }
    public OrganisationDoc? Organisation(string slug) => _organisations.GetValueOrDefault(slug);
}
