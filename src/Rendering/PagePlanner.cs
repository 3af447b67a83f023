using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Model;

namespace CaseRecord.Rendering;

/// <summary>
/// Turns the case index into the list of pages to render, each with a view model whose links
/// are made for that page. Pure: the same index gives the same pages.
/// </summary>
public sealed class PagePlanner(CaseIndex index, MarkdownRenderer markdown, Func<string, string> assetPath)
{
    private readonly LinkBuilder _links = new(index.Settings);
    private StructuredData Data => new(index, _links);
    /// <summary>How many figures of equal value a figure page lists (the rest are counted).</summary>
    public const int SameValueShown = 12;
    private const int HomeListShown = 25;
    /// <summary>Rows per page of the long lists, so no page grows with the record (a phone reads the first page fast).</summary>
    public const int ArticlesPerPage = 100, FiguresPerPage = 200, EventsPerPage = 200, MentionsPerPage = 200, QuotationsPerPage = 100;

    /// <summary>Every page of the site; a page's model is only built when it is rendered.</summary>
    public ImmutableArray<PagePlan> Plan()
    {
        var pages = ImmutableArray.CreateBuilder<PagePlan>();
        pages.Add(new(SitePaths.Home, HomePage));
        AddPaged(pages, SitePaths.Articles, index.Articles.Length, ArticlesPerPage, ArticlesPage);
        foreach (var a in index.Articles) pages.Add(new(SitePaths.Article(a.Slug), () => ArticlePage(a)));
        pages.Add(new(SitePaths.Speakers, SpeakersPage));
        foreach (var s in index.Speakers)
            AddPaged(pages, SitePaths.Speaker(s.Slug), index.QuotationsBySpeaker.GetValueOrDefault(s.Slug, []).Length, QuotationsPerPage, n => SpeakerPage(s, n));
        AddPaged(pages, SitePaths.Figures, index.FiguresInOrder.Length, FiguresPerPage, FiguresPage);
        foreach (var f in index.FiguresInOrder) pages.Add(new(SitePaths.Figure(f.Id), () => FigurePage(f)));
        pages.Add(new(SitePaths.Organisations, OrganisationsPage));
        foreach (var o in index.Organisations)
            AddPaged(pages, SitePaths.Organisation(o.Slug), index.MentionsByOrganisation.GetValueOrDefault(o.Slug, []).Length, MentionsPerPage, n => OrganisationPage(o, n));
        AddPaged(pages, SitePaths.Timeline, index.Timeline.Length, EventsPerPage, TimelinePage);
        pages.Add(new(SitePaths.DataPage, DataPage));
        pages.Add(new(SitePaths.Search, SearchPage));
        pages.Add(new(SitePaths.NotFound, NotFoundPage));
        return pages.ToImmutable();
    }

    /// <summary>
    /// The pages at these paths, for a rebuild that renders a few: each found from its path (the
    /// inverse of <see cref="SitePaths"/>), so the other hundred thousand are never planned. A path
    /// the site does not have (a page that went) is passed over.
    /// </summary>
    public ImmutableArray<PagePlan> Plan(IEnumerable<string> paths) => [.. paths.Select(Page).OfType<PagePlan>()];

    /// <summary>The page at <paramref name="path"/>, as <see cref="Plan()"/> would plan it; null if the site has none there.</summary>
    public PagePlan? Page(string path)
    {
        Func<PageSpec>? build = path switch
        {
            SitePaths.Home => HomePage,
            SitePaths.Articles => () => ArticlesPage(1),
            SitePaths.Speakers => SpeakersPage,
            SitePaths.Figures => () => FiguresPage(1),
            SitePaths.Organisations => OrganisationsPage,
            SitePaths.Timeline => () => TimelinePage(1),
            SitePaths.DataPage => DataPage,
            SitePaths.Search => SearchPage,
            SitePaths.NotFound => NotFoundPage,
            // Slugs and ids are lower-case letters, digits and hyphens, so a path splits one way only.
            _ => path.Split('/') switch
            {
                ["articles", "page", var n, "index.html"] => OnPage(n, index.Articles.Length, ArticlesPerPage, ArticlesPage),
                ["figures", "page", var n, "index.html"] => OnPage(n, index.FiguresInOrder.Length, FiguresPerPage, FiguresPage),
                ["timeline", "page", var n, "index.html"] => OnPage(n, index.Timeline.Length, EventsPerPage, TimelinePage),
                ["articles", var slug, "index.html"] => ArticleBySlug(slug) is { } a ? () => ArticlePage(a) : null,
                ["figures", var id, "index.html"] => index.Figures.GetValueOrDefault(id) is { } f ? () => FigurePage(f) : null,
                ["speakers", var slug, "index.html"] => SpeakerOnPage(slug, "1", first: true),
                ["speakers", var slug, "page", var n, "index.html"] => SpeakerOnPage(slug, n, first: false),
                ["organisations", var slug, "index.html"] => OrganisationOnPage(slug, "1", first: true),
                ["organisations", var slug, "page", var n, "index.html"] => OrganisationOnPage(slug, n, first: false),
                _ => null,
            },
        };
        return build is null ? null : new PagePlan(path, build);

        Func<PageSpec>? SpeakerOnPage(string slug, string n, bool first) => index.Speaker(slug) is { } s
            ? OnPage(n, index.QuotationsBySpeaker.GetValueOrDefault(slug, []).Length, QuotationsPerPage, number => SpeakerPage(s, number), first)
            : null;
        Func<PageSpec>? OrganisationOnPage(string slug, string n, bool first) => index.Organisation(slug) is { } o
            ? OnPage(n, index.MentionsByOrganisation.GetValueOrDefault(slug, []).Length, MentionsPerPage, number => OrganisationPage(o, number), first)
            : null;
    }

    /// <summary>Page <paramref name="n"/> of a list, written as its path writes it (2 and up; the first page is the list's own path).</summary>
    private static Func<PageSpec>? OnPage(string n, int items, int perPage, Func<int, PageSpec> page, bool first = false)
    {
        var ok = int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && n == number.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && (first ? number == 1 : number >= 2) && number <= PageCount(items, perPage);
        return ok ? () => page(number) : null;
    }

    private Dictionary<string, AnalysedArticle>? _articlesBySlug;

    private AnalysedArticle? ArticleBySlug(string slug)
    {
        if (_articlesBySlug is null)
        {
            // The first of a slug, as the full plan's paths would be (a second is the editor's error).
            var bySlug = new Dictionary<string, AnalysedArticle>(index.Articles.Length, StringComparer.Ordinal);
            foreach (var a in index.Articles) bySlug.TryAdd(a.Slug, a);
            _articlesBySlug = bySlug;
        }
        return _articlesBySlug.GetValueOrDefault(slug);
    }

    private static int PageCount(int items, int perPage) => Math.Max(1, (items + perPage - 1) / perPage);

    /// <summary>
    /// Whether two versions of the record have the same pages in the same order: what
    /// <see cref="Plan()"/> lists follows from these facts alone. An edit that keeps them (the usual
    /// one) reuses the last build's list of pages instead of making 120,000 paths again.
    /// </summary>
    public static bool SamePages(CaseIndex x, CaseIndex y) =>
        x.Timeline.Length == y.Timeline.Length
        && Versions.SameInOrder(x.Articles, y.Articles, (a, b) => a.Slug == b.Slug)
        && Versions.SameInOrder(x.FiguresInOrder, y.FiguresInOrder, (a, b) => a.Id == b.Id)
        && Versions.SameInOrder(x.Speakers, y.Speakers, (a, b) => a.Slug == b.Slug)
        && Versions.SameInOrder(x.Organisations, y.Organisations, (a, b) => a.Slug == b.Slug)
        // Counted for every one, unchanged or not: the same speaker may be quoted more often.
        && x.Speakers.All(s => SamePageCount(x.QuotationsBySpeaker, y.QuotationsBySpeaker, s.Slug, QuotationsPerPage))
        && x.Organisations.All(o => SamePageCount(x.MentionsByOrganisation, y.MentionsByOrganisation, o.Slug, MentionsPerPage));

    private static bool SamePageCount<T>(ImmutableDictionary<string, ImmutableArray<T>> x, ImmutableDictionary<string, ImmutableArray<T>> y, string slug, int perPage) =>
        PageCount(x.GetValueOrDefault(slug, []).Length, perPage) == PageCount(y.GetValueOrDefault(slug, []).Length, perPage);

    private static void AddPaged(ImmutableArray<PagePlan>.Builder pages, string list, int items, int perPage, Func<int, PageSpec> page)
    {
        var count = PageCount(items, perPage);
        for (var n = 1; n <= count; n++)
        {
            var number = n;
            pages.Add(new(SitePaths.Paged(list, n), () => page(number)));
        }
    }

    /// <summary>Which slice of a list page <paramref name="number"/> shows, and how it links to the others.</summary>
    private (int Skip, int Take, PagerView? Pager) Slice(string list, int number, int items, int perPage)
    {
        var count = PageCount(items, perPage);
        var skip = (number - 1) * perPage;
        var take = Math.Min(perPage, Math.Max(0, items - skip));
        if (count == 1) return (0, items, null);
        var from = SitePaths.Paged(list, number);
        var all = Enumerable.Range(1, count).Select(n => new NavItem(n.ToString(System.Globalization.CultureInfo.InvariantCulture), _links.Href(from, SitePaths.Paged(list, n)), n == number)).ToList();
        return (skip, take, new PagerView(number, count, skip + 1, skip + take, items,
            number > 1 ? _links.Href(from, SitePaths.Paged(list, number - 1)) : null,
            number < count ? _links.Href(from, SitePaths.Paged(list, number + 1)) : null, all));
    }

    private static string PageTitle(string title, PagerView? pager) => pager is null || pager.Number == 1 ? title : $"{title}, page {pager.Number} of {pager.Count}";

    /// <summary>The list pages, which show something of every article and so change with any of them.</summary>
    public static readonly ImmutableArray<string> ListPages =
        [SitePaths.Home, SitePaths.Articles, SitePaths.Speakers, SitePaths.Figures, SitePaths.Organisations, SitePaths.Timeline, SitePaths.DataPage, SitePaths.Search];

    public SiteView Site(string from, string section) => new(
        index.Settings.SiteTitle,
        index.Settings.SiteDescription,
        _links.Href(from, SitePaths.Home),
        _links.Href(from, SitePaths.Assets + assetPath("site.css")),
        [
            new("Case", _links.Href(from, SitePaths.Home), section == "home"),
            new("Articles", _links.Href(from, SitePaths.Articles), section == "articles"),
            new("Speakers", _links.Href(from, SitePaths.Speakers), section == "speakers"),
            new("Key figures", _links.Href(from, SitePaths.Figures), section == "figures"),
            new("Timeline", _links.Href(from, SitePaths.Timeline), section == "timeline"),
            new("Organisations", _links.Href(from, SitePaths.Organisations), section == "organisations"),
            new("Search", _links.Href(from, SitePaths.Search), section == "search"),
        ],
        "case-record " + typeof(PagePlanner).Assembly.GetName().Version?.ToString(3),
        index.Settings.Host is null ? null : _links.Href(from, SitePaths.Feed),
        _links.Href(from, SitePaths.DataPage));

    /// <summary>The size of data/case.json, for the data page; set by the renderer before pages are built.</summary>
    public long DataBytes { get; set; }

    private PageMeta Meta(System.Text.Json.Nodes.JsonNode jsonLd, string ogType = "website", string? published = null) => new(ogType, published, jsonLd);

    private PageSpec DataPage()
    {
        const string path = SitePaths.DataPage;
        var model = new DataPageView("Open data", _links.Href(path, SitePaths.Data), OpenData.SchemaVersion, index.Articles.Length, index.Speakers.Length,
            index.Articles.Sum(a => a.Quotations.Length), index.FiguresInOrder.Length, DataBytes);
        const string description = "Download the whole record as data: articles with their paragraphs, speakers, quotations, key figures and the timeline.";
        return new PageSpec(path, "data", "Open data", description, "data", model, Meta(Data.CollectionPage(path, "Open data", description)));
    }

    private PageSpec SearchPage()
    {
        const string path = SitePaths.Search;
        // The index is made after the build by Pagefind; its script is loaded by search.js, so the
        // page (and the link check) does not depend on whether Node was there to make it.
        var model = new SearchView("Search", _links.Href(path, SitePaths.SearchBundle), index.Settings.LinkRoot + "/", _links.Href(path, SitePaths.Assets + assetPath("search.js")),
            _links.Href(path, SitePaths.Articles), _links.Href(path, SitePaths.Speakers), _links.Href(path, SitePaths.Figures));
        const string description = "Search the articles, quotations, speakers and key figures of the record.";
        return new PageSpec(path, "search", "Search", description, "search", model, Meta(Data.CollectionPage(path, "Search", description)));
    }

    private PageSpec NotFoundPage()
    {
        var model = new NotFoundView("Page not found", _links.Href(SitePaths.NotFound, SitePaths.Home));
        return new PageSpec(SitePaths.NotFound, "404", "Page not found", "There is no page at this address.", "404", model, Meta(Data.WebSite()));
    }

    private PageSpec HomePage()
    {
        const string path = SitePaths.Home;
        var title = index.Home.Title ?? index.Settings.SiteTitle;
        var headline = index.FiguresInOrder.Where(f => f.Figure.Spec.Kind is not (FigureKind.Year or FigureKind.Date)).Take(6)
            .Select(f => FigureRow(path, f)).ToList();
        var model = new HomeView(title, markdown.ToHtml(index.Home.IntroMarkdown), headline,
            index.Articles.Take(HomeListShown).Select(a => ArticleSummary(path, a)).ToList(), index.Articles.Length,
            index.Speakers.OrderByDescending(s => index.QuotationsBySpeaker.GetValueOrDefault(s.Slug, []).Length).ThenBy(s => s.Name, StringComparer.Ordinal)
                .Take(HomeListShown).Select(s => SpeakerSummary(path, s)).ToList(), index.Speakers.Length,
            index.Timeline.Take(HomeListShown).Select(e => TimelineEvent(path, e)).ToList(), index.Timeline.Length,
            _links.Href(path, SitePaths.Articles), _links.Href(path, SitePaths.Speakers), _links.Href(path, SitePaths.Figures), _links.Href(path, SitePaths.Timeline));
        return new PageSpec(path, "home", title, index.Settings.SiteDescription, "home", model, Meta(Data.WebSite()));
    }

    private PageSpec ArticlesPage(int number)
    {
        var path = SitePaths.Paged(SitePaths.Articles, number);
        var (skip, take, pager) = Slice(SitePaths.Articles, number, index.Articles.Length, ArticlesPerPage);
        var model = new ListView<ArticleSummaryView>("Articles", index.Articles.Skip(skip).Take(take).Select(a => ArticleSummary(path, a)).ToList(), pager);
        var description = $"The {index.Articles.Length} source articles of the record.";
        var title = PageTitle("Articles", pager);
        return new PageSpec(path, "articles", title, description, "articles", model, Meta(Data.CollectionPage(path, title, description)));
    }

    private PageSpec ArticlePage(AnalysedArticle a)
    {
        var path = SitePaths.Article(a.Slug);
        var doc = a.Doc;
        var quotationsByParagraph = new Dictionary<int, List<(QuoteSegment Segment, Quotation Quote)>>();
        foreach (var q in a.Quotations)
            foreach (var s in q.Segments)
            {
                if (!quotationsByParagraph.TryGetValue(s.Paragraph, out var list)) quotationsByParagraph[s.Paragraph] = list = [];
                list.Add((s, q));
            }

        var paragraphs = new List<ParagraphView>();
        var figuresByParagraph = a.Figures.ToLookup(f => f.Paragraph);
        var mentionsByParagraph = a.Mentions.ToLookup(m => m.Paragraph);
        foreach (var p in a.Paragraphs)
        {
            if (p.Omitted) continue;
            var quoteSpans = quotationsByParagraph.GetValueOrDefault(p.Number)?.Select(x => new ParagraphLayout.Span(x.Segment.Start, x.Segment.End, x.Quote)).ToList() ?? [];
            var figureSpans = figuresByParagraph[p.Number].Select(f => new ParagraphLayout.Span(f.Start, f.End, f)).ToList();
            var orgSpans = mentionsByParagraph[p.Number].Select(m => new ParagraphLayout.Span(m.Start, m.End, m)).ToList();
            var pieces = ParagraphLayout.Layout(p.Text, quoteSpans, figureSpans, orgSpans).Select(piece =>
            {
                var q = piece.Quote as Quotation;
                var speaker = q?.SpeakerSlug is { } slug && q.IsSpeech ? SpeakerLink(path, slug) : null;
                var runs = piece.Runs.Select(r =>
                {
                    var f = r.Figure as LocatedFigure;
                    var m = r.Organisation as OrganisationMention;
                    return new RunView(p.Text[r.Start..r.End],
                        f is null ? null : new LinkView(f.Spec.Label, _links.Href(path, SitePaths.Figure(f.Id))),
                        f?.Spec.Label, f is null ? null : ValueFormatter.Value(f.Value, f.Spec.Kind),
                        m is null ? null : OrganisationLink(path, m.OrganisationSlug));
                }).ToList();
                return new PieceView(q?.Id, speaker, q?.IsPartial ?? false, q is { Basis: AttributionBasis.Unattributed }, runs);
            }).ToList();
            var quoted = quotationsByParagraph.GetValueOrDefault(p.Number) ?? [];
            var saidBy = quoted
                .Where(x => x.Quote.IsSpeech && x.Quote.SpeakerSlug is not null)
                .Select(x => x.Quote.SpeakerSlug!).Distinct()
                .Select(slug => SpeakerLink(path, slug)).OfType<LinkView>().ToList();
            var unnamed = quoted.Select(x => x.Quote.UnnamedSource).OfType<string>().Distinct().ToList();
            paragraphs.Add(new ParagraphView(p.Number, p.Anchor, LinkBuilder.Fragment(p.Anchor), pieces, saidBy, unnamed));
        }

        var speakers = a.Quotations.Where(q => q.IsSpeech && q.SpeakerSlug is not null).Select(q => q.SpeakerSlug!)
            .Concat(doc.Speakers.Select(s => s.Value)).Distinct()
            .Select(s => SpeakerLink(path, s)).OfType<LinkView>().ToList();
        var organisations = a.Mentions.Select(m => m.OrganisationSlug).Distinct()
            .Select(o => OrganisationLink(path, o)).OfType<LinkView>().ToList();
        var figures = a.Figures.Select(f => index.Figures.GetValueOrDefault(f.Id)).OfType<FigureEntry>().Select(f => FigureRow(path, f)).ToList();
        var basis = doc.Extra.GetValueOrDefault("published_basis") as string;

        var model = new ArticleView(doc.Title, doc.Slug, doc.Publisher, doc.Published?.Display, doc.Published?.Iso, basis,
            doc.Summary, a.Source.Path, _links.Href(path, SitePaths.Source(a.Source.Path)), a.Source.Sha256,
            markdown.ToHtml(doc.NoteMarkdown), paragraphs, speakers, figures, organisations,
            a.Quotations.Count(q => q.IsSpeech), a.Paragraphs.Count(p => p.Omitted), doc.Tags);
        return new PageSpec(path, "article", doc.Title, doc.Summary ?? doc.Title, "articles", model, Meta(Data.Article(a), "article", doc.Published?.Iso));
    }

    private PageSpec SpeakersPage()
    {
        const string path = SitePaths.Speakers;
        var model = new ListView<SpeakerSummaryView>("Speakers", index.Speakers.Select(s => SpeakerSummary(path, s)).ToList());
        const string description = "Everyone quoted in the record, with all their quotations.";
        return new PageSpec(path, "speakers", "Speakers", description, "speakers", model, Meta(Data.CollectionPage(path, "Speakers", description)));
    }

    private PageSpec SpeakerPage(SpeakerDoc s, int number)
    {
        var all = index.QuotationsBySpeaker.GetValueOrDefault(s.Slug, []);
        var path = SitePaths.Paged(SitePaths.Speaker(s.Slug), number);
        var (skip, take, pager) = Slice(SitePaths.Speaker(s.Slug), number, all.Length, QuotationsPerPage);
        var quotes = all.Skip(skip).Take(take).ToList();
        var views = quotes.Select(r =>
        {
            var q = r.Quotation;
            var first = q.FirstParagraph;
            var last = q.Segments[^1].Paragraph;
            var anchor = $"p{first}";
            return new SpeakerQuoteView(q.ParagraphTexts, _links.Href(path, SitePaths.Article(r.Article.Slug), anchor), anchor,
                first == last ? $"paragraph {first}" : $"paragraphs {first}–{last}", q.IsPartial,
                new LinkView(r.Article.Doc.Title, _links.Href(path, SitePaths.Article(r.Article.Slug))),
                r.Article.Doc.Published?.Display, r.Article.Doc.Published?.Iso);
        }).ToList();
        var org = s.Organisation is { } o ? OrganisationLink(path, o.Value) : null;
        var model = new SpeakerView(s.Name, s.Slug, s.Role, org, markdown.ToHtml(s.BioMarkdown), views,
            all.Select(r => r.Article.Slug).Distinct().Count(), all.Length, pager);
        var description = s.Role is null ? $"Every quotation of {s.Name} in the record." : $"{s.Name}, {s.Role}: every quotation in the record.";
        return new PageSpec(path, "speaker", PageTitle(s.Name, pager), description, "speakers", model, Meta(Data.Speaker(s, quotes), "profile"));
    }

    private PageSpec FiguresPage(int number)
    {
        var path = SitePaths.Paged(SitePaths.Figures, number);
        var (skip, take, pager) = Slice(SitePaths.Figures, number, index.FiguresInOrder.Length, FiguresPerPage);
        var model = new ListView<FigureRowView>("Key figures", index.FiguresInOrder.Skip(skip).Take(take).Select(f => FigureRow(path, f)).ToList(), pager);
        const string description = "The numbers in the record, each traced to the words that state it.";
        var title = PageTitle("Key figures", pager);
        return new PageSpec(path, "figures", title, description, "figures", model, Meta(Data.CollectionPage(path, title, description)));
    }

    private PageSpec FigurePage(FigureEntry e)
    {
        var path = SitePaths.Figure(e.Id);
        var f = e.Figure;
        var a = e.Article;
        var anchor = $"p{f.Paragraph}";
        var speaker = f.SpeakerSlug is { } slug ? SpeakerLink(path, slug) : null;
        // At scale a common value (a year) is shared by thousands of figures: show the first few and the count.
        var same = e.SameValueIds.Take(SameValueShown).Select(id => index.Figures.GetValueOrDefault(id)).OfType<FigureEntry>().Select(x => FigureRow(path, x)).ToList();
        var shares = index.SharesOf[e.Id].Select(x => FigureRow(path, x)).ToList();
        var model = new FigureView(e.Id, f.Spec.Label, ValueFormatter.Value(f.Value, f.Spec.Kind), ValueFormatter.Kind(f.Spec.Kind),
            f.Spec.Match.Value, f.Sentence, f.Spec.Event,
            new LinkView($"Paragraph {f.Paragraph}", _links.Href(path, SitePaths.Article(a.Slug), anchor)),
            new LinkView(a.Doc.Title, _links.Href(path, SitePaths.Article(a.Slug))), a.Doc.Publisher, a.Doc.Published?.Display,
            speaker,
            e.Of is null ? null : new LinkView(e.Of.Figure.Spec.Label, _links.Href(path, SitePaths.Figure(e.Of.Id))),
            e.Of is null ? null : ValueFormatter.Value(e.Of.Figure.Value, e.Of.Figure.Spec.Kind),
            e.Percent is { } pc ? ValueFormatter.Percent(pc) : null,
            e.Percent is { } pn ? Math.Round(Math.Clamp(pn, 0, 100), 1) : null,
            same, e.SameValueCount, shares, markdown.ToHtml(f.Spec.NoteMarkdown ?? ""));
        var value = ValueFormatter.Value(f.Value, f.Spec.Kind);
        return new PageSpec(path, "figure", $"{value}: {f.Spec.Label}", $"{f.Spec.Label}: {value}, as stated in “{a.Doc.Title}”.", "figures", model, Meta(Data.Figure(e)));
    }

    private PageSpec OrganisationsPage()
    {
        const string path = SitePaths.Organisations;
        var items = index.Organisations.Select(o => new OrganisationSummaryView(o.Name, _links.Href(path, SitePaths.Organisation(o.Slug)),
            index.MentionsByOrganisation.GetValueOrDefault(o.Slug, []).Length)).ToList();
        const string description = "Bodies mentioned in the record.";
        return new PageSpec(path, "organisations", "Organisations", description, "organisations",
            new ListView<OrganisationSummaryView>("Organisations", items), Meta(Data.CollectionPage(path, "Organisations", description)));
    }

    private PageSpec OrganisationPage(OrganisationDoc o, int number)
    {
        var all = index.MentionsByOrganisation.GetValueOrDefault(o.Slug, []);
        var path = SitePaths.Paged(SitePaths.Organisation(o.Slug), number);
        var (skip, take, pager) = Slice(SitePaths.Organisation(o.Slug), number, all.Length, MentionsPerPage);
        var mentions = all.Skip(skip).Take(take).Select(r =>
        {
            var p = r.Article.Paragraphs[r.Mention.Paragraph - 1];
            var (s, e) = SentenceSplitter.SentenceAt(p.Text, r.Mention.Start);
            return new OrganisationMentionView(p.Text[s..e].Trim(),
                new LinkView($"Paragraph {p.Number}", _links.Href(path, SitePaths.Article(r.Article.Slug), p.Anchor)),
                new LinkView(r.Article.Doc.Title, _links.Href(path, SitePaths.Article(r.Article.Slug))));
        }).ToList();
        var speakers = index.Speakers.Where(s => s.Organisation?.Value == o.Slug).Select(s => SpeakerLink(path, s.Slug)).OfType<LinkView>().ToList();
        var model = new OrganisationView(o.Name, o.Slug, o.Aliases, markdown.ToHtml(o.BodyMarkdown), mentions, all.Length, speakers, pager);
        return new PageSpec(path, "organisation", PageTitle(o.Name, pager), $"{o.Name} in the record: every mention, linked to its paragraph.", "organisations", model, Meta(Data.Organisation(o)));
    }

    private PageSpec TimelinePage(int number)
    {
        var path = SitePaths.Paged(SitePaths.Timeline, number);
        var (skip, take, pager) = Slice(SitePaths.Timeline, number, index.Timeline.Length, EventsPerPage);
        var model = new ListView<TimelineEventView>("Timeline", index.Timeline.Skip(skip).Take(take).Select(e => TimelineEvent(path, e)).ToList(), pager);
        var title = PageTitle("Timeline", pager);
        return new PageSpec(path, "timeline", title, "The dated events of the record in order, each traced to its source.", "timeline", model,
            Meta(pager is null ? Data.Timeline(index.Timeline) : Data.Timeline([.. index.Timeline.Skip(skip).Take(take)])));
    }

    private FigureRowView FigureRow(string from, FigureEntry e)
    {
        var f = e.Figure;
        return new FigureRowView(e.Id, f.Spec.Label, ValueFormatter.Value(f.Value, f.Spec.Kind), _links.Href(from, SitePaths.Figure(e.Id)),
            e.Percent is { } pc ? ValueFormatter.Percent(pc) : null,
            e.Percent is { } pn ? Math.Round(Math.Clamp(pn, 0, 100), 1) : null,
            e.Of is null ? null : new LinkView(e.Of.Figure.Spec.Label, _links.Href(from, SitePaths.Figure(e.Of.Id))),
            new LinkView(e.Article.Doc.Title, _links.Href(from, SitePaths.Article(e.Article.Slug))),
            new LinkView($"Paragraph {f.Paragraph}", _links.Href(from, SitePaths.Article(e.Article.Slug), $"p{f.Paragraph}")),
            f.Spec.Event, ValueFormatter.Kind(f.Spec.Kind));
    }

    private TimelineEventView TimelineEvent(string from, FigureEntry e)
    {
        var f = e.Figure;
        return new TimelineEventView(ValueFormatter.Value(f.Value, f.Spec.Kind), f.Spec.Event ?? f.Spec.Label, f.Spec.Label,
            new LinkView(f.Spec.Label, _links.Href(from, SitePaths.Figure(e.Id))),
            new LinkView($"Paragraph {f.Paragraph}", _links.Href(from, SitePaths.Article(e.Article.Slug), $"p{f.Paragraph}")),
            new LinkView(e.Article.Doc.Title, _links.Href(from, SitePaths.Article(e.Article.Slug))),
            f.SpeakerSlug is { } s ? SpeakerLink(from, s) : null);
    }

    private ArticleSummaryView ArticleSummary(string from, AnalysedArticle a) => new(
        a.Doc.Title, _links.Href(from, SitePaths.Article(a.Slug)), a.Doc.Publisher, a.Doc.Published?.Display, a.Doc.Published?.Iso,
        a.Doc.Summary, a.Quotations.Count(q => q.IsSpeech), a.Figures.Length);

    private SpeakerSummaryView SpeakerSummary(string from, SpeakerDoc s) => new(
        s.Name, _links.Href(from, SitePaths.Speaker(s.Slug)), s.Role, index.QuotationsBySpeaker.GetValueOrDefault(s.Slug, []).Length);

    private LinkView? SpeakerLink(string from, string slug) =>
        index.Speaker(slug) is { } s ? new LinkView(s.Name, _links.Href(from, SitePaths.Speaker(slug))) : null;

    private LinkView? OrganisationLink(string from, string slug) =>
        index.Organisation(slug) is { } o ? new LinkView(o.Name, _links.Href(from, SitePaths.Organisation(slug))) : null;
}
