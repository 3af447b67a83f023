using System.Text;
using Scriban;
using Scriban.Syntax;

namespace CaseRecord.Rendering.Native;

/// <summary>
/// <c>theme/layouts/_layout.sbn</c>, the page around every page's body: its head (title,
/// description, canonical address, Open Graph, the feed, styles, JSON-LD), the site's header and
/// navigation, and the footer. Written for each of the 41,000 pages of a 10,000-article record.
/// </summary>
internal sealed class BaseLayout : INativeTemplate
{
    public string Path => "theme/layouts/_layout.sbn";

    public string StockText => "2090019455b6956e5b84d43a9d1917e0416e67e2e8578cc6ac09bf34822b32ff";

    private readonly ScriptVariableGlobal _site = ScribanValues.Variable("site"), _section = ScribanValues.Variable("section"), _title = ScribanValues.Variable("title"),
        _description = ScribanValues.Variable("description"), _canonical = ScribanValues.Variable("canonical"), _ogType = ScribanValues.Variable("og_type"),
        _published = ScribanValues.Variable("published_iso"), _jsonLd = ScribanValues.Variable("json_ld"), _content = ScribanValues.Variable("content");

    public bool TryWrite(TemplateContext context, StringBuilder o)
    {
        if (!ScribanValues.TryGlobal(context, _site, out var siteValue) || siteValue is not SiteView site
            || !ScribanValues.TryGlobal(context, _content, out var contentValue) || contentValue is not PageBody content
            || !Text(context, _section, out var section) || !Text(context, _title, out var title) || !Text(context, _description, out var description)
            || !Text(context, _canonical, out var canonical) || !Text(context, _ogType, out var ogType) || !Text(context, _published, out var published)
            || !Text(context, _jsonLd, out var jsonLd))
            return false;
        o.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'\">\n<title>");
        if (section == "home") o.Escaped(site.Title);
        else o.Escaped(title).Append(" · ").Escaped(site.Title);
        o.Append("</title>\n<meta name=\"description\" content=\"").Escaped(description).Append("\">\n<meta name=\"generator\" content=\"").Escaped(site.Generator).Append("\">\n");
        var hasCanonical = ScribanValues.Truthy(context, canonical);
        if (hasCanonical) o.Append("\n<link rel=\"canonical\" href=\"").Escaped(canonical).Append("\">\n");
        o.Append("<meta property=\"og:title\" content=\"").Escaped(title).Append("\">\n<meta property=\"og:type\" content=\"").Escaped(ogType).Append("\">\n");
        if (hasCanonical) o.Append("\n<meta property=\"og:url\" content=\"").Escaped(canonical).Append("\">\n");
        o.Append("<meta property=\"og:description\" content=\"").Escaped(description).Append("\">\n<meta property=\"og:site_name\" content=\"").Escaped(site.Title)
            .Append("\">\n<meta property=\"og:locale\" content=\"en_GB\">\n");
        if (ScribanValues.Truthy(context, published)) o.Append("\n<meta property=\"article:published_time\" content=\"").Escaped(published).Append("\">\n");
        o.Append("<meta name=\"twitter:card\" content=\"summary\">\n");
        var feed = ScribanValues.Truthy(context, site.FeedHref);
        if (feed) o.Append("\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").Escaped(site.Title).Append(": articles\" href=\"").Escaped(site.FeedHref).Append("\">\n");
        o.Append("<link rel=\"stylesheet\" href=\"").Escaped(site.CssHref).Append("\">\n<link rel=\"icon\" href=\"").Escaped(site.IconHref)
            .Append("\" type=\"image/svg+xml\">\n<script type=\"application/ld+json\">").Append(jsonLd).Append("</script>\n</head>\n<body class=\"section-").Escaped(section)
            .Append("\">\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n<header class=\"site-header\">\n  <div class=\"wrap\">\n    <a class=\"site-title\" href=\"")
            .Escaped(site.HomeHref).Append("\">").Escaped(site.Title).Append("</a>\n    <nav aria-label=\"Site\">\n      <ul>\n");
        foreach (var item in site.Nav)
        {
            o.Append("        <li><a href=\"").Escaped(item.Href).Append('"');
            if (item.Current) o.Append(" aria-current=\"page\"");
            o.Append('>').Escaped(item.Text).Append("</a></li>\n");
        }
        o.Append("      </ul>\n    </nav>\n  </div>\n</header>\n<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n").Append(content.Text)
            .Append("\n</main>\n<footer class=\"site-footer\">\n  <div class=\"wrap\">\n    <p>").Escaped(site.Description)
            .Append("</p>\n    <p>Source texts are reproduced verbatim; quotations and figures are checked against them at every build.</p>\n    <p><a href=\"")
            .Escaped(site.DataHref).Append("\">Open data: the whole record as JSON</a>");
        if (feed) o.Append(" · <a href=\"").Escaped(site.FeedHref).Append("\">Atom feed of the articles</a>");
        o.Append("</p>\n  </div>\n</footer>\n</body>\n</html>\n");
        return true;
    }

    // A variable the layout writes as text: a string, or nothing (null); anything else is Scriban's to write.
    private static bool Text(TemplateContext context, ScriptVariableGlobal variable, out string? text)
    {
        text = null;
        if (!ScribanValues.TryGlobal(context, variable, out var value) || value is not (null or string)) return false;
        text = (string?)value;
        return true;
    }
}
