namespace CaseRecord.Rendering;

// What templates see. Every href is already made for the page it appears on; templates only
// lay out and escape. Lists are IReadOnlyList so Scriban can loop over them.

public sealed record LinkView(string Text, string Href);

public sealed record NavItem(string Text, string Href, bool Current);

public sealed record SiteView(string Title, string Description, string HomeHref, string CssHref, IReadOnlyList<NavItem> Nav, string Generator,
    string? FeedHref, string DataHref)
{
    /// <summary>The theme's favicon (browsers ask for /favicon.ico, outside a site under a LinkRoot, without it).</summary>
    public string IconHref { get; init; } = "";
}

public sealed record RunView(string Text, LinkView? Figure, string? FigureLabel, string? FigureValue, LinkView? Organisation)
{
    /// <summary>A speaker named here: their page.</summary>
    public LinkView? Speaker { get; init; }
}

public sealed record PieceView(string? QuoteId, LinkView? Speaker, bool IsPartial, bool Unattributed, IReadOnlyList<RunView> Runs)
{
    /// <summary>On a quotation's first piece: its permanent anchor (the quotation's id, as in the data file).</summary>
    public string? Anchor { get; init; }

    /// <summary>On a quoted speech's first piece: the accessible name of its "link to this quotation" control.</summary>
    public string? LinkLabel { get; init; }
}

/// <param name="Unnamed">The descriptions of unnamed sources quoted in the paragraph ("the mother of one victim"), shown after the speakers.</param>
public sealed record ParagraphView(int Number, string Anchor, string SelfHref, IReadOnlyList<PieceView> Pieces, IReadOnlyList<LinkView> SaidBy, IReadOnlyList<string> Unnamed)
{
    /// <summary>The paragraphs the editors left out just before this one, where the numbering jumps.</summary>
    public IReadOnlyList<OmittedView> OmittedBefore { get; init; } = [];
}

/// <summary>A paragraph of the source the editors left out, and why (their <c>reason</c>, when given).</summary>
public sealed record OmittedView(int Number, string Anchor, string? Reason);

/// <summary>A quotation whose source the text describes but does not name, and its paragraph.</summary>
public sealed record UnnamedQuoteView(string Source, string Text, LinkView Paragraph);

public sealed record FigureRowView(
    string Id, string Label, string Value, string Href, string? Percent, decimal? PercentNumber, LinkView? Of,
    LinkView Article, LinkView Paragraph, string? Event, string Kind)
{
    /// <summary>The value is the editors' (not the number its words write); shown as "editors' figure".</summary>
    public bool EditorialValue { get; init; }

    /// <summary>Whose words state the figure, when it stands in a quotation.</summary>
    public LinkView? SaidBy { get; init; }

    /// <summary>How many articles state it (more than one for a fact of the case they corroborate).</summary>
    public int Sources { get; init; } = 1;

    /// <summary>The articles that state it give different values.</summary>
    public bool Differs { get; init; }

    /// <summary>When they differ: the values other than the one shown, as the site shows them ("9,000 and 9,200").</summary>
    public string? OtherValues { get; init; }

    /// <summary>Whether the row names its article: not in the article's own table, where every row would repeat its title.</summary>
    public bool ShowArticle { get; init; } = true;
}

/// <summary>One article's statement of a fact of the case, on the fact's page.</summary>
/// <param name="Differs">Its value is not the one the page shows.</param>
public sealed record StatementView(string Value, string Match, string Sentence, LinkView Paragraph, LinkView Article,
    string? Publisher, string? Published, string? PublishedBasis, LinkView? Speaker, bool Differs, bool EditorialValue);

public sealed record ArticleView(
    string Title, string Slug, string? Publisher, string? Published, string? PublishedIso, string? PublishedBasis,
    string? Summary, string SourcePath, string SourceHref, string SourceSha256, string NoteHtml,
    IReadOnlyList<ParagraphView> Paragraphs, IReadOnlyList<LinkView> Speakers, IReadOnlyList<FigureRowView> Figures,
    IReadOnlyList<LinkView> Organisations, int QuotationCount, int OmittedCount, IReadOnlyList<string> Tags)
{
    /// <summary>The quotations whose source the text describes but does not name, in the article's order.</summary>
    public IReadOnlyList<UnnamedQuoteView> UnnamedQuotes { get; init; } = [];

    /// <summary>The original publication (<c>url</c>): its address shown as host and path; null when not given.</summary>
    public LinkView? Original { get; init; }

    /// <summary>The address of an archived copy of the original (<c>archived</c>).</summary>
    public string? ArchivedHref { get; init; }

    /// <summary>Paragraphs left out after the last one shown.</summary>
    public IReadOnlyList<OmittedView> OmittedAtEnd { get; init; } = [];
}

public sealed record ArticleSummaryView(string Title, string Href, string? Publisher, string? Published, string? PublishedIso, string? Summary, int QuotationCount, int FigureCount)
{
    /// <summary>How the editors inferred the date (<c>published_basis</c>); the date is then labelled as theirs.</summary>
    public string? PublishedBasis { get; init; }
}

public sealed record SpeakerQuoteView(
    IReadOnlyList<string> Paragraphs, string Href, string Anchor, string Range, bool IsPartial,
    LinkView Article, string? Published, string? PublishedIso)
{
    /// <summary>The quotation's own permalink on its article's page (beside the paragraph's, which stays the main link).</summary>
    public string QuoteHref { get; init; } = "";

    /// <summary>The permalink's accessible name, naming the paragraph so each link on the page says where it goes.</summary>
    public string QuoteLabel { get; init; } = "";

    /// <summary>How the editors inferred the article's date; the date is then labelled as theirs.</summary>
    public string? PublishedBasis { get; init; }
}

public sealed record SpeakerView(string Name, string Slug, string? Role, LinkView? Organisation, string BioHtml,
    IReadOnlyList<SpeakerQuoteView> Quotations, int ArticleCount, int QuotationTotal, PagerView? Pager)
{
    /// <summary>The page's quotations by article, in the record's order: each article's title and date once.</summary>
    public IReadOnlyList<SpeakerArticleGroupView> Groups { get; init; } = [];

    /// <summary>For a speaker never quoted: where the text names them, each in its sentence.</summary>
    public IReadOnlyList<OrganisationMentionView> Mentions { get; init; } = [];

    public int MentionTotal { get; init; }
}

/// <summary>One article's quotations on a speaker's page (a group split by the pager is headed again on the next page).</summary>
public sealed record SpeakerArticleGroupView(LinkView Article, string? Published, string? PublishedIso, string? PublishedBasis, IReadOnlyList<SpeakerQuoteView> Quotations);

public sealed record SpeakerSummaryView(string Name, string Href, string? Role, int QuotationCount)
{
    /// <summary>How many times the text names the speaker outside quotations.</summary>
    public int MentionCount { get; init; }
}

public sealed record FigureView(
    string Id, string Label, string Value, string Kind, string Match, string Sentence, string? Event,
    LinkView Paragraph, LinkView Article, string? Publisher, string? Published, LinkView? Speaker,
    LinkView? Of, string? OfValue, string? Percent, decimal? PercentNumber,
    IReadOnlyList<FigureRowView> SameValue, int SameValueTotal, IReadOnlyList<FigureRowView> SharesOfThis, string NoteHtml)
{
    /// <summary>The value is the editors' (not the number the matched words write).</summary>
    public bool EditorialValue { get; init; }

    /// <summary>How the editors inferred the article's date, when they did.</summary>
    public string? PublishedBasis { get; init; }

    /// <summary>The page of every figure of this value, when there are more than <see cref="SameValue"/> lists.</summary>
    public string? SameValueHref { get; init; }

    /// <summary>For a fact of the case: every article's statement of it, in the record's order; empty for a figure of one article.</summary>
    public IReadOnlyList<StatementView> Statements { get; init; } = [];

    /// <summary>How many articles state it.</summary>
    public int Sources { get; init; } = 1;

    /// <summary>The statements give different values.</summary>
    public bool Differs { get; init; }

    /// <summary>When they differ: the values other than the one shown.</summary>
    public string? OtherValues { get; init; }

    /// <summary>The statements differ and the editors settled on the value shown (<c>value</c> in the figure file).</summary>
    public bool Settled { get; init; }
}

/// <param name="Event">What happened, in the editors' words (shown as their summary).</param>
public sealed record TimelineEventView(string When, string Event, string Label, LinkView Figure, LinkView Paragraph, LinkView Article, LinkView? Speaker)
{
    /// <summary>The date is the editors' (not the number the matched words write).</summary>
    public bool EditorialValue { get; init; }
}

/// <summary>A sentence of the source naming an organisation or a person: an excerpt, not a quotation, unless its words lie inside one.</summary>
public sealed record OrganisationMentionView(string Text, LinkView Paragraph, LinkView Article)
{
    /// <summary>The mention lies inside a quotation of this speaker: whose words the excerpt gives.</summary>
    public LinkView? SaidBy { get; init; }

    /// <summary>The mention lies inside a quotation of no speaker of the record: whose words, in words ("in the words of …, not named").</summary>
    public string? SaidByText { get; init; }
}

public sealed record OrganisationView(string Name, string Slug, IReadOnlyList<string> Aliases, string BodyHtml,
    IReadOnlyList<OrganisationMentionView> Mentions, int MentionTotal, IReadOnlyList<LinkView> Speakers, PagerView? Pager);

public sealed record OrganisationSummaryView(string Name, string Href, int MentionCount);

/// <summary>The home page; each list is cut to a few items at scale, with the totals to say so.</summary>
public sealed record HomeView(string Title, string IntroHtml, IReadOnlyList<FigureRowView> HeadlineFigures,
    IReadOnlyList<ArticleSummaryView> Articles, int ArticleTotal, IReadOnlyList<SpeakerSummaryView> Speakers, int SpeakerTotal,
    IReadOnlyList<TimelineEventView> Timeline, int TimelineTotal,
    string ArticlesHref, string SpeakersHref, string FiguresHref, string TimelineHref);

public sealed record ListView<T>(string Title, IReadOnlyList<T> Items, PagerView? Pager = null);

/// <summary>Every figure of one value: the value as the group shares it, how many, and this page's rows.</summary>
public sealed record ValueListView(string Title, string Value, int Total, IReadOnlyList<FigureRowView> Items, PagerView? Pager);

/// <summary>Where a page of a long list stands: its number, the total, and links to its neighbours and to every page.</summary>
public sealed record PagerView(int Number, int Count, int First, int Last, int Total, string? PreviousHref, string? NextHref, IReadOnlyList<PagerLink> Pages);

/// <summary>A page a pager links to; <paramref name="GapBefore"/> when pages before it are left out (a theme that ignores it still links the right pages).</summary>
public sealed record PagerLink(string Text, string Href, bool Current, bool GapBefore);

/// <summary>A page of the site by its path, with the work that makes its model deferred.</summary>
public sealed record PagePlan(string Path, Func<PageSpec> Build);

/// <summary>What a page says about itself to search engines and link previews.</summary>
public sealed record PageMeta(string OgType, string? PublishedIso, System.Text.Json.Nodes.JsonNode JsonLd);

/// <summary>One page to render: its output path, the template that lays it out, and its model.</summary>
public sealed record PageSpec(string Path, string Template, string Title, string Description, string Section, object Model, PageMeta Meta)
{
    /// <summary>The layout to use when the theme has no <see cref="Template"/>: a theme copied before a kind of page was added keeps building.</summary>
    public string? Fallback { get; init; }
}

public sealed record DataPageView(string Title, string DataHref, string SchemaVersion, int Articles, int Speakers, int Quotations, int Figures, long Bytes)
{
    /// <summary>How many part files hold the articles when the record is split (0 when it is one file).</summary>
    public int Parts { get; init; }
}

public sealed record NotFoundView(string Title, string HomeHref);

public sealed record SearchView(string Title, string BundleHref, string BaseUrl, string ScriptHref, string ArticlesHref, string SpeakersHref, string FiguresHref);
