using System.Collections.Immutable;
using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

/// <summary>Turns the front matter of each kind of input file into its typed document.</summary>
public static class DocumentReaders
{
    private const string FigureExample = "'- id: recorded-contacts'";
    private const string QuoteExample = "'- match: \"words\"'";

    public static ArticleDoc? ReadArticle(string path, string text, DiagnosticList diagnostics)
    {
        var fm = FrontMatter.Parse(path, text, diagnostics);
        if (fm is null) return null;
        var slug = CheckedSlug(path, diagnostics);
        var before = diagnostics.ToImmutable().Count(d => d.IsError);
        var meta = new MetaReader(fm, fm.Meta, diagnostics, fm.FileStart);

        var title = meta.String("title", required: true, "the headline");
        var source = meta.String("source", required: true, "path of the source text in seeds/");
        var sha = meta.String("sha256");
        if (sha is not null && !IsHex64(sha.Value))
            diagnostics.Error(sha.At, "'sha256' must be 64 hexadecimal digits (run 'sha256sum' on the source file)");
        var publisher = meta.String("publisher")?.Value;
        var publishedText = meta.String("published");
        PartialDate? published = null;
        if (publishedText is not null)
        {
            published = PartialDate.TryParse(publishedText.Value);
            if (published is null) diagnostics.Error(publishedText.At, $"'published' must be {PartialDate.Forms}, not '{publishedText.Value}'");
        }
        var summary = meta.String("summary")?.Value;
        var url = WebAddress(meta.String("url"), "url", "the address of the original publication", diagnostics);
        var archived = WebAddress(meta.String("archived"), "archived", "the address of an archived copy", diagnostics);
        var omitted = meta.NotedStringList("omit", "text", "reason");
        var omit = omitted.Select(o => o.Text).ToImmutableArray();
        var speakers = meta.StringList("speakers");
        foreach (var s in speakers)
            if (!Slug.IsValid(s.Value)) diagnostics.Error(s.At, $"speaker '{s.Value}' is not a valid slug: {Slug.Rule}");
        var figures = meta.MappingList("figures", FigureExample).Select(f => ReadFigure(f, diagnostics)).OfType<FigureSpec>().ToImmutableArray();
        var quotes = meta.MappingList("quotes", QuoteExample).Select(q => ReadQuote(q, diagnostics)).OfType<QuoteOverride>().ToImmutableArray();
        var tags = meta.StringList("tags").Select(t => t.Value).ToImmutableArray();
        var extra = meta.Rest();

        var after = diagnostics.ToImmutable().Count(d => d.IsError);
        if (title is null || source is null || slug is null || after > before) return null;
        return new ArticleDoc(slug, path, title.Value, source, sha, publisher, published, summary, omit, speakers,
            figures, quotes, tags, fm.Body.Trim(), extra)
        {
            Url = url, Archived = archived,
            OmitReasons = omitted.Where(o => o.Note is not null).GroupBy(o => o.Text.Value, StringComparer.Ordinal)
                .ToImmutableDictionary(g => g.Key, g => g.First().Note!, StringComparer.Ordinal),
        };
    }

    /// <summary>An absolute http or https address (<c>url</c>, <c>archived</c>); anything else is an error at the value.</summary>
    private static string? WebAddress(Located<string>? text, string key, string what, DiagnosticList diagnostics)
    {
        if (text is null) return null;
        if (IsWebAddress(text.Value)) return text.Value;
        diagnostics.Error(text.At, $"'{key}' must be {what} as an absolute http or https URL (https://…), not '{text.Value}'");
        return null;
    }

    public static bool IsWebAddress(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
        && u.Host.Length > 0 && !s.Any(char.IsWhiteSpace);

    private static FigureSpec? ReadFigure(MetaReader f, DiagnosticList diagnostics)
    {
        if (f.String("figure") is { } stated) return ReadStatement(f, stated, diagnostics);
        var id = f.String("id", required: true, "a slug such as 'recorded-contacts', or 'figure: <id>' for a fact in input/figures/");
        var label = f.String("label", required: true, "what the number counts");
        var match = f.String("match", required: true, "the exact words of the source that state the figure");
        var occurrence = Occurrence(f, diagnostics);
        var kind = Kind(f, diagnostics);
        var (value, dateValue) = Value(f, kind, diagnostics);
        var currency = Currency(f, kind, diagnostics);
        var unit = Unit(f, kind, diagnostics);
        var ev = Event(f, kind, diagnostics);
        var of = f.String("of");
        var note = f.String("note")?.Value;
        f.Rest();
        if (id is not null && !Slug.IsValid(id.Value))
        {
            diagnostics.Error(id.At, $"figure id '{id.Value}' is not a valid slug: {Slug.Rule}");
            return null;
        }
        if (id is null || label is null || match is null) return null;
        return new FigureSpec(id.Value, f.Where, id.At, label.Value, match, occurrence, value, kind, ev, of, note, currency, unit, dateValue);
    }

    /// <summary>
    /// An item that states a case-level figure (<c>figure: &lt;id&gt;</c>): where the text states it
    /// (<c>match</c>, <c>occurrence</c>) and, if the words do not write it, its <c>value</c>; what it
    /// is (label, kind, unit, event, <c>of</c>) is the figure file's.
    /// </summary>
    private static FigureSpec? ReadStatement(MetaReader f, Located<string> stated, DiagnosticList diagnostics)
    {
        if (f.String("id") is { } id)
            diagnostics.Error(id.At, $"give 'figure: {stated.Value}' (a fact of the case, input/figures/{stated.Value}.md) or 'id' and 'label' (a figure of this article alone), not both");
        foreach (var key in new[] { "label", "kind", "unit", "event", "of" })
            if (f.String(key) is { } misplaced)
                diagnostics.Error(misplaced.At, $"'{key}' of the case-level figure '{stated.Value}' belongs in input/figures/{stated.Value}.md, not in the article");
        var match = f.String("match", required: true, "the exact words of the source that state the figure");
        var occurrence = Occurrence(f, diagnostics);
        var value = f.String("value");
        // Its kind is the figure file's, checked against the currency when the article is analysed.
        var currency = f.String("currency") is { } code ? CurrencyCode(code, diagnostics) : null;
        var note = f.String("note")?.Value;
        f.Rest();
        if (!Slug.IsValid(stated.Value))
        {
            diagnostics.Error(stated.At, $"figure '{stated.Value}' is not a valid slug: {Slug.Rule}");
            return null;
        }
        if (match is null) return null;
        return new FigureSpec(stated.Value, f.Where, stated.At, "", match, occurrence, null, FigureKind.Count, null, null, note, currency)
        {
            States = stated,
            ValueText = value,
        };
    }

    /// <summary>A fact of the case (<c>input/figures/&lt;id&gt;.md</c>); the file name is its id.</summary>
    public static CaseFigureDoc? ReadCaseFigure(string path, string text, DiagnosticList diagnostics)
    {
        var fm = FrontMatter.Parse(path, text, diagnostics);
        if (fm is null) return null;
        var slug = CheckedSlug(path, diagnostics);
        var before = diagnostics.ToImmutable().Count(d => d.IsError);
        var meta = new MetaReader(fm, fm.Meta, diagnostics, fm.FileStart);
        var label = meta.String("label", required: true, "what the number counts");
        var kind = Kind(meta, diagnostics);
        var (value, dateValue) = Value(meta, kind, diagnostics);
        var currency = Currency(meta, kind, diagnostics);
        var unit = Unit(meta, kind, diagnostics);
        var ev = Event(meta, kind, diagnostics);
        var of = meta.String("of");
        if (of is not null && !Slug.IsValid(of.Value))
            diagnostics.Error(of.At, $"'of: {of.Value}' is not a valid figure id: {Slug.Rule}");
        var extra = meta.Rest();
        var after = diagnostics.ToImmutable().Count(d => d.IsError);
        if (label is null || slug is null || after > before) return null;
        return new CaseFigureDoc(slug, path, label.Value, kind, unit, currency, ev, of, value, dateValue, fm.Body.Trim(), extra);
    }

    private static Located<int>? Occurrence(MetaReader f, DiagnosticList diagnostics)
    {
        var occurrence = f.Integer("occurrence");
        if (occurrence is not null && occurrence.Value < 1)
            diagnostics.Error(occurrence.At, "'occurrence' counts from 1");
        return occurrence;
    }

    private static FigureKind Kind(MetaReader f, DiagnosticList diagnostics)
    {
        var kindText = f.String("kind");
        var kind = FigureKind.Count;
        if (kindText is not null && !Enum.TryParse(kindText.Value, ignoreCase: true, out kind))
        {
            diagnostics.Error(kindText.At, $"'kind' must be one of count, year, date, percent, money, duration; not '{kindText.Value}'");
            kind = FigureKind.Count;
        }
        return kind;
    }

    private static (Located<decimal>? Value, PartialDate? Date) Value(MetaReader f, FigureKind kind, DiagnosticList diagnostics)
    {
        // A date figure's value is a date (2022-02-12, 2022-02 or 2022), not a number.
        if (kind != FigureKind.Date) return (f.Number("value"), null);
        if (f.String("value") is not { } dv) return (null, null);
        return DateValue(dv, diagnostics) is { } date ? (new(FigureValues.DateNumber(date), dv.At), date) : (null, null);
    }

    /// <summary>The <c>value</c> of a date figure, or an error at it.</summary>
    public static PartialDate? DateValue(Located<string> text, DiagnosticList diagnostics)
    {
        var date = PartialDate.TryParse(text.Value);
        if (date is null) diagnostics.Error(text.At, $"'value' of a date figure must be {PartialDate.Forms}, not '{text.Value}'");
        return date;
    }

    private static Located<string>? Currency(MetaReader f, FigureKind kind, DiagnosticList diagnostics)
    {
        var currency = f.String("currency");
        if (currency is null) return null;
        if (kind == FigureKind.Money) return CurrencyCode(currency, diagnostics);
        diagnostics.Error(currency.At, "'currency' is only for figures of kind 'money'; add 'kind: money'");
        return currency with { Value = currency.Value.ToUpperInvariant() };
    }

    /// <summary>An ISO 4217 code, upper-cased; anything else is an error at it.</summary>
    private static Located<string> CurrencyCode(Located<string> currency, DiagnosticList diagnostics)
    {
        if (!FigureValues.IsCurrencyCode(currency.Value))
            diagnostics.Error(currency.At, $"'currency' must be an ISO 4217 code such as GBP, USD or EUR, not '{currency.Value}'");
        return currency with { Value = currency.Value.ToUpperInvariant() };
    }

    private static string? Unit(MetaReader f, FigureKind kind, DiagnosticList diagnostics)
    {
        var unit = f.String("unit");
        if (unit is not null && kind is FigureKind.Year or FigureKind.Date)
            diagnostics.Error(unit.At, "'unit' is not for figures of kind 'year' or 'date', which are shown as dates");
        return string.IsNullOrWhiteSpace(unit?.Value) ? null : unit.Value;
    }

    private static string? Event(MetaReader f, FigureKind kind, DiagnosticList diagnostics)
    {
        var ev = f.String("event");
        if (ev is not null && kind is not (FigureKind.Year or FigureKind.Date))
            diagnostics.Error(ev.At, "'event' is only for figures of kind 'year' or 'date'; add 'kind: year'");
        return ev?.Value;
    }

    private static QuoteOverride? ReadQuote(MetaReader q, DiagnosticList diagnostics)
    {
        var match = q.String("match", required: true, "words from inside the quotation");
        var unnamed = q.String("unnamed");
        var speaker = q.String("speaker", required: unnamed is null, "a speaker slug, 'none', or 'unnamed: \"a council spokesman\"'");
        q.Rest();
        if (speaker is not null && unnamed is not null)
            diagnostics.Error(unnamed.At, "give 'speaker' or 'unnamed', not both");
        if (unnamed is not null && unnamed.Value.Length == 0)
            diagnostics.Error(unnamed.At, "'unnamed' must describe the source, e.g. 'a council spokesman'");
        if (match is null || (speaker is null && unnamed is null)) return null;
        if (unnamed is not null) return new QuoteOverride(match, null, unnamed);
        return new QuoteOverride(match, speaker!.Value.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : speaker);
    }

    public static SpeakerDoc? ReadSpeaker(string path, string text, DiagnosticList diagnostics)
    {
        var fm = FrontMatter.Parse(path, text, diagnostics);
        if (fm is null) return null;
        var slug = CheckedSlug(path, diagnostics);
        var meta = new MetaReader(fm, fm.Meta, diagnostics, fm.FileStart);
        var name = meta.String("name", required: true, "full name, e.g. 'Sara Thornton'");
        var role = meta.String("role")?.Value;
        var organisation = meta.String("organisation");
        var aliases = meta.StringList("aliases").Select(a => a.Value).Where(a => a.Length > 0).ToImmutableArray();
        var pronouns = meta.String("pronouns");
        if (pronouns is not null && pronouns.Value.ToLowerInvariant() is not ("she" or "he" or "they"))
            diagnostics.Error(pronouns.At, $"'pronouns' must be she, he or they, not '{pronouns.Value}'");
        var extra = meta.Rest();
        if (name is null || slug is null) return null;
        return new SpeakerDoc(slug, path, name.Value, role, organisation, aliases, fm.Body.Trim(), extra)
        {
            Pronouns = pronouns?.Value.ToLowerInvariant() is "she" or "he" or "they" ? pronouns.Value.ToLowerInvariant() : null,
        };
    }

    public static OrganisationDoc? ReadOrganisation(string path, string text, DiagnosticList diagnostics)
    {
        var fm = FrontMatter.Parse(path, text, diagnostics);
        if (fm is null) return null;
        var slug = CheckedSlug(path, diagnostics);
        var meta = new MetaReader(fm, fm.Meta, diagnostics, fm.FileStart);
        var name = meta.String("name", required: true, "e.g. 'Thames Valley Police'");
        var aliases = meta.StringList("aliases").Select(a => a.Value).Where(a => a.Length > 0).ToImmutableArray();
        var extra = meta.Rest();
        if (name is null || slug is null) return null;
        return new OrganisationDoc(slug, path, name.Value, aliases, fm.Body.Trim(), extra);
    }

    public static HomeDoc ReadHome(string path, string text, DiagnosticList diagnostics)
    {
        var normalised = TextNormaliser.Normalise(text);
        if (!normalised.StartsWith("---", StringComparison.Ordinal)) return new HomeDoc(null, normalised.Trim());
        var fm = FrontMatter.Parse(path, text, diagnostics);
        if (fm is null) return new HomeDoc(null, "");
        var meta = new MetaReader(fm, fm.Meta, diagnostics, fm.FileStart);
        var title = meta.String("title")?.Value;
        meta.Rest();
        return new HomeDoc(title, fm.Body.Trim());
    }

    private static string? CheckedSlug(string path, DiagnosticList diagnostics)
    {
        var slug = ProjectPath.FileStem(path);
        if (Slug.IsValid(slug)) return slug;
        diagnostics.Error(new SourcePosition(path, 1, 1), $"the file name '{slug}' is not a valid slug: {Slug.Rule}; rename the file");
        return null;
    }

    private static bool IsHex64(string s) => s.Length == 64 && s.All(Uri.IsHexDigit);
}
