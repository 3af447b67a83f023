using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Model;

namespace CaseRecord.Rendering;

/// <summary>
/// schema.org JSON-LD for each kind of page, with schema.org's own property names. Serialised so
/// that it is safe inside a &lt;script&gt; element: '&lt;', '&gt;' and '&amp;' are always escaped.
/// </summary>
public sealed class StructuredData(CaseIndex index, LinkBuilder links)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static string Serialise(JsonNode node) => node.ToJsonString(Options);

    private static JsonObject Thing(string type) => new() { ["@context"] = "https://schema.org", ["@type"] = type };

    private static void Url(JsonObject o, string property, string? url)
    {
        if (url is not null) o[property] = url;
    }

    public JsonNode WebSite()
    {
        var o = Thing("WebSite");
        o["name"] = index.Settings.SiteTitle;
        if (index.Settings.SiteDescription.Length > 0) o["description"] = index.Settings.SiteDescription;
        Url(o, "url", links.Absolute(SitePaths.Home));
        return o;
    }

    public JsonNode CollectionPage(string path, string name, string description)
    {
        var o = Thing("CollectionPage");
        o["name"] = name;
        o["description"] = description;
        Url(o, "url", links.Absolute(path));
        return o;
    }

    public JsonNode Article(AnalysedArticle a)
    {
        var path = SitePaths.Article(a.Slug);
        var article = Thing("NewsArticle");
        article["headline"] = a.Doc.Title;
        if (a.Doc.Summary is { } summary) article["description"] = summary;
        if (a.Doc.Published is { } published) article["datePublished"] = published.Iso;
        if (a.Doc.Publisher is { } publisher) article["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = publisher };
        Url(article, "url", links.Absolute(path));
        Url(article, "@id", links.Absolute(path));
        var basedOn = new JsonObject { ["@type"] = "CreativeWork", ["name"] = $"Source text {a.Source.Path} (SHA-256 {a.Source.Sha256})" };
        Url(basedOn, "url", links.Absolute(SitePaths.Source(a.Source.Path)));
        if (a.Doc.Url is { } original)
        {
            // The original publication first: what the source text was copied from, then the copy kept here.
            var originalWork = new JsonObject { ["@type"] = "NewsArticle", ["url"] = original };
            if (a.Doc.Archived is { } archived) originalWork["archivedAt"] = archived;
            article["isBasedOn"] = new JsonArray(originalWork, basedOn);
        }
        else if (a.Doc.Archived is { } archived)
        {
            article["isBasedOn"] = new JsonArray(new JsonObject { ["@type"] = "NewsArticle", ["archivedAt"] = archived }, basedOn);
        }
        else article["isBasedOn"] = basedOn;
        if (a.Doc.Tags.Length > 0) article["keywords"] = string.Join(", ", a.Doc.Tags);
        var graph = new JsonArray(article);
        foreach (var q in a.Quotations.Where(q => q.IsSpeech)) graph.Add(Quotation(a, q));
        return new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = StripContexts(graph) };
    }

    /// <remarks>
    /// The page lists every quotation in full and each article page carries its own; here each is
    /// cited by its paragraph's URL and its first words, and said by the Person above (by @id):
    /// restating every text made JSON-LD a third of a speaker page's bytes (bench/README.md).
    /// </remarks>
    public JsonNode Speaker(SpeakerDoc s, IEnumerable<QuotationRef> quotations)
    {
        var person = Person(s);
        var id = links.Absolute(SitePaths.Speaker(s.Slug));
        Url(person, "@id", id);
        var graph = new JsonArray(person);
        foreach (var r in quotations)
        {
            var q = Quotation(r.Article, r.Quotation, id);
            q["text"] = Excerpt(r.Quotation.Text);
            graph.Add(q);
        }
        return new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = graph };
    }

    /// <summary>How many words of a quotation a citation keeps.</summary>
    public const int ExcerptWords = 12;

    /// <summary>A quotation's first <see cref="ExcerptWords"/> words, with "…" when there are more.</summary>
    public static string Excerpt(string text)
    {
        var words = text.Split(' ', ExcerptWords + 1, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= ExcerptWords ? text : string.Join(' ', words.Take(ExcerptWords)) + " …";
    }

    public JsonNode Figure(FigureEntry e)
    {
        var f = e.Figure;
        var o = Thing("QuantitativeValue");
        o["name"] = f.Spec.Label;
        o["value"] = f.Value;
        o["description"] = f.Sentence;
        if (f.Spec.Kind is FigureKind.Year) o["unitText"] = "year";
        else if (f.Spec.Kind is FigureKind.Percent) o["unitText"] = "percent";
        else if (f.Spec.Kind is FigureKind.Money && f.Currency is { } currency) o["unitCode"] = currency;
        else if (f.Unit is { } unit) o["unitText"] = unit;
        Url(o, "url", links.Absolute(SitePaths.Figure(e.Id)));
        if (e.Of is not null)
        {
            var of = new JsonObject { ["@type"] = "QuantitativeValue", ["name"] = e.Of.Figure.Spec.Label, ["value"] = e.Of.Figure.Value };
            Url(of, "url", links.Absolute(SitePaths.Figure(e.Of.Id)));
            o["valueReference"] = of;
        }
        return o;
    }

    public JsonNode Timeline(IEnumerable<FigureEntry> events)
    {
        var list = Thing("ItemList");
        list["name"] = "Timeline";
        var items = new JsonArray();
        var position = 1;
        foreach (var e in events)
        {
            var ev = new JsonObject { ["@type"] = "Event", ["name"] = e.Figure.Spec.Event ?? e.Figure.Spec.Label, ["startDate"] = ValueFormatter.IsoDate(e.Figure) ?? ValueFormatter.Value(e.Figure) };
            Url(ev, "url", links.Absolute(SitePaths.Figure(e.Id)));
            items.Add(new JsonObject { ["@type"] = "ListItem", ["position"] = position++, ["item"] = ev });
        }
        list["itemListElement"] = items;
        return list;
    }

    public JsonNode Organisation(OrganisationDoc o)
    {
        var org = Thing("Organization");
        org["name"] = o.Name;
        if (o.Aliases.Length > 0) org["alternateName"] = new JsonArray([.. o.Aliases.Select(a => (JsonNode)a)]);
        Url(org, "url", links.Absolute(SitePaths.Organisation(o.Slug)));
        return org;
    }

    private JsonObject Person(SpeakerDoc s)
    {
        var person = new JsonObject { ["@type"] = "Person", ["name"] = s.Name };
        if (s.Role is { } role) person["jobTitle"] = role;
        if (s.Organisation is { } org && index.Organisation(org.Value) is { } o)
            person["affiliation"] = new JsonObject { ["@type"] = "Organization", ["name"] = o.Name };
        Url(person, "url", links.Absolute(SitePaths.Speaker(s.Slug)));
        return person;
    }

    /// <param name="speakerId">The @id of the speaker given elsewhere in the graph, to refer to rather than repeat.</param>
    private JsonObject Quotation(AnalysedArticle a, Quotation q, string? speakerId = null)
    {
        var o = new JsonObject { ["@type"] = "Quotation", ["text"] = q.Text };
        if (speakerId is not null)
            o["spokenByCharacter"] = new JsonObject { ["@id"] = speakerId };
        else if (q.SpeakerSlug is { } slug && index.Speaker(slug) is { } s)
        {
            var person = new JsonObject { ["@type"] = "Person", ["name"] = s.Name };
            Url(person, "url", links.Absolute(SitePaths.Speaker(s.Slug)));
            o["spokenByCharacter"] = person;
        }
        // A source the text describes but does not name is no Person: credited in words only.
        else if (q.UnnamedSource is { } unnamed)
            o["creditText"] = $"{unnamed}, not named";
        var part = new JsonObject { ["@type"] = "NewsArticle", ["headline"] = a.Doc.Title };
        Url(part, "@id", links.Absolute(SitePaths.Article(a.Slug)));
        o["isPartOf"] = part;
        Url(o, "url", links.Absolute(SitePaths.Article(a.Slug), $"p{q.FirstParagraph}"));
        return o;
    }

    private static JsonArray StripContexts(JsonArray graph)
    {
        foreach (var node in graph)
            if (node is JsonObject o) o.Remove("@context");
        return graph;
    }
}
