using System.Text;
using System.Xml;
using CaseRecord.Model;

namespace CaseRecord.Rendering;

/// <summary>sitemap.xml (sitemaps.org) and feed.xml (Atom, RFC 4287), written with an XML writer so every text is escaped.</summary>
public static class SiteFeeds
{
    private static XmlWriterSettings Settings => new() { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };

    public static byte[] Sitemap(IEnumerable<string> pages, LinkBuilder links)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var page in pages)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", links.Absolute(page));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    /// <summary>The dated articles, newest first; dates come from content, so the feed is the same on every build.</summary>
    public static byte[] Atom(CaseIndex index, LinkBuilder links)
    {
        const string atom = "http://www.w3.org/2005/Atom";
        var dated = index.Articles.Where(a => a.Doc.Published is not null).ToList();
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", atom);
            xml.WriteElementString("title", atom, index.Settings.SiteTitle);
            if (index.Settings.SiteDescription.Length > 0) xml.WriteElementString("subtitle", atom, index.Settings.SiteDescription);
            Link(xml, links.Absolute(SitePaths.Feed)!, "self", "application/atom+xml");
            Link(xml, links.Absolute(SitePaths.Home)!, "alternate", "text/html");
            xml.WriteElementString("id", atom, links.Absolute(SitePaths.Home));
            xml.WriteElementString("updated", atom, dated.Count > 0 ? Timestamp(dated[0].Doc.Published!) : "1970-01-01T00:00:00Z");
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, index.Settings.SiteTitle);
            xml.WriteEndElement();
            foreach (var a in dated)
            {
                var url = links.Absolute(SitePaths.Article(a.Slug))!;
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("title", atom, a.Doc.Title);
                Link(xml, url, "alternate", "text/html");
                if (a.Doc.Url is { } original) Link(xml, original, "related", "text/html", "Original publication");
                if (a.Doc.Archived is { } archived) Link(xml, archived, "related", "text/html", "Archived copy of the original");
                xml.WriteElementString("id", atom, url);
                xml.WriteElementString("published", atom, Timestamp(a.Doc.Published!));
                xml.WriteElementString("updated", atom, Timestamp(a.Doc.Published!));
                if (a.Doc.Summary is { } summary) xml.WriteElementString("summary", atom, summary);
                if (a.Doc.PublishedBasis is { } basis)
                {
                    // Atom has no place to say a date is inferred: a category says it, with how.
                    xml.WriteStartElement("category", atom);
                    xml.WriteAttributeString("term", "editors-date");
                    xml.WriteAttributeString("label", $"Date inferred by the editors: {basis}");
                    xml.WriteEndElement();
                }
                if (a.Doc.Publisher is { } publisher)
                {
                    xml.WriteStartElement("author", atom);
                    xml.WriteElementString("name", atom, publisher);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static void Link(XmlWriter xml, string href, string rel, string type, string? title = null)
    {
        xml.WriteStartElement("link", "http://www.w3.org/2005/Atom");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        if (title is not null) xml.WriteAttributeString("title", title);
        xml.WriteEndElement();
    }

    private static string Timestamp(Content.PartialDate d) => $"{d.Year:D4}-{d.Month ?? 1:D2}-{d.Day ?? 1:D2}T00:00:00Z";
}
