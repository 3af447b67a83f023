using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Model;

namespace CaseRecord.Rendering;

/// <summary>
/// data/case.json: the whole record as data (schema documented in docs/open-data.md). Bump
/// <see cref="SchemaVersion"/>'s major number for any change that can break a reader.
/// </summary>
public static class OpenData
{
    public const string SchemaVersion = "1.3";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <param name="previous">The last file's elements, in a long-running session: an unchanged article's are copied, not written again.</param>
    /// <returns>The file's bytes in pieces (the reused elements are not copied into one array), and its elements for the next file.</returns>
    /// <param name="delta">What changed since the last file, whose elements are in <paramref name="previous"/>.</param>
    public static (ImmutableArray<ReadOnlyMemory<byte>> Pieces, OpenDataChunks? Chunks) Write(CaseIndex index, LinkBuilder links, OpenDataChunks? previous = null, IndexDelta? delta = null)
    {
        var buffer = new Output.ChunkedBuffer();
        var reused = new List<(long At, byte[] Bytes)>();
        var cache = previous?.Next(Renewed(index, delta ?? IndexDelta.Everything));
        using (var json = new Utf8JsonWriter(buffer, Options)) Record(json, index, links, cache, reused);
        var chunks = cache?.Finish();
        if (reused.Count == 0) return (buffer.Pieces(), chunks);
        var skeleton = buffer.ToArray();
        var pieces = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>(reused.Count * 2 + 1);
        var from = 0;
        foreach (var (at, bytes) in reused)
        {
            if (at > from) pieces.Add(skeleton.AsMemory(from, (int)at - from));
            pieces.Add(bytes);
            from = (int)at + 1;
        }
        pieces.Add(skeleton.AsMemory(from));
        return (pieces.ToImmutable(), chunks);
    }

    /// <summary>
    /// The entries made again only because their groups of equal values changed: new objects
    /// whose elements (which show no group) are the same as before.
    /// </summary>
    private static HashSet<object> Renewed(CaseIndex index, IndexDelta delta)
    {
        var renewed = new HashSet<object>(ReferenceEqualityComparer.Instance);
        if (delta.IsEverything || index.SameValueGroups is not { } groups) return renewed;
        foreach (var key in delta.ValueGroups)
            if (groups.TryGetValue(key, out var ids))
                foreach (var id in ids)
                    if (!delta.FigureChanged(id) && index.Figures.GetValueOrDefault(id) is { } e) renewed.Add(e);
        return renewed;
    }

    /// <summary>
    /// The record written straight to a stream, for a build to disk: held whole beside the record,
    /// a large record's file was the build's peak of memory.
    /// </summary>
    public static void Write(CaseIndex index, LinkBuilder links, Stream output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        Record(json, index, links, null, []);
    }

    /// <summary>Bytes the writer may hold before it hands them on (to the stream or the buffer).</summary>
    private const int FlushAt = 1 << 16;

    private static void Record(Utf8JsonWriter json, CaseIndex index, LinkBuilder links, OpenDataChunks.Writer? cache, List<(long At, byte[] Bytes)> reused)
    {
        // With a cache, the writer lays out a one-byte stand-in for kept bytes (so commas and
        // indentation stay the writer's), which Write then replaces with the bytes.
        void Splice(Utf8JsonWriter json, byte[] kept)
        {
            json.WriteRawValue("0"u8, skipInputValidation: true);
            reused.Add((json.BytesCommitted + json.BytesPending - 1, kept));
        }
        // The elements of a top-level array, made from these items; with a cache, chunk by chunk
        // (an article's text is long, so fewer of them go to a chunk than figures or events).
        void Elements<T>(Utf8JsonWriter json, char section, ImmutableArray<T> items, int chunk, Func<T, string> key, Action<Utf8JsonWriter, T> write) where T : class
        {
            if (cache is null)
                foreach (var item in items)
                {
                    write(json, item);
                    if (json.BytesPending >= FlushAt) json.Flush();
                }
            else
                cache.Elements(section, items, chunk, key, write, Options, bytes => { if (bytes.Length > 0) Splice(json, bytes); });
        }
        json.WriteStartObject();
        json.WriteString("schemaVersion", SchemaVersion);
        json.WriteStartObject("about");
        Url(json, links, SitePaths.DataPage);
        json.WriteEndObject();
        json.WriteStartObject("site");
        json.WriteString("title", index.Settings.SiteTitle);
        json.WriteString("description", index.Settings.SiteDescription);
        Url(json, links, SitePaths.Home);
        json.WriteEndObject();

        json.WriteStartArray("articles");
        Elements(json, 'a', index.Articles, 16, a => a.Doc.Path, (json, a) =>
        {
            json.WriteStartObject();
            json.WriteString("slug", a.Slug);
            json.WriteString("title", a.Doc.Title);
            Url(json, links, SitePaths.Article(a.Slug));
            Optional(json, "publisher", a.Doc.Publisher);
            Optional(json, "published", a.Doc.Published?.Iso);
            Optional(json, "publishedBasis", a.Doc.PublishedBasis);
            json.WriteBoolean("publishedByEditors", a.Doc.PublishedBasis is not null);
            Optional(json, "originalUrl", a.Doc.Url);
            Optional(json, "archived", a.Doc.Archived);
            Optional(json, "summary", a.Doc.Summary);
            json.WriteStartArray("tags");
            foreach (var t in a.Doc.Tags) json.WriteStringValue(t);
            json.WriteEndArray();
            json.WriteStartObject("source");
            json.WriteString("file", a.Source.Path);
            json.WriteString("sha256", a.Source.Sha256);
            Url(json, links, SitePaths.Source(a.Source.Path));
            json.WriteEndObject();
            json.WriteStartArray("paragraphs");
            foreach (var p in a.Paragraphs)
            {
                json.WriteStartObject();
                json.WriteNumber("number", p.Number);
                json.WriteString("anchor", p.Anchor);
                json.WriteBoolean("omitted", p.Omitted);
                // Only on the few paragraphs left out, so the thousands shown carry no empty field.
                if (p.Omitted) Optional(json, "omitReason", a.Doc.OmitReasons.GetValueOrDefault(p.Text));
                json.WriteString("text", p.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
        json.WriteEndArray();

        // A speaker or an organisation: slug, name, what only speakers have, aliases, page.
        void Named(string slug, string name, ImmutableArray<string> aliases, string page, SpeakerDoc? speaker = null)
        {
            json.WriteStartObject();
            json.WriteString("slug", slug);
            json.WriteString("name", name);
            if (speaker is not null)
            {
                Optional(json, "role", speaker.Role);
                Optional(json, "organisation", speaker.Organisation?.Value);
            }
            json.WriteStartArray("aliases");
            foreach (var alias in aliases) json.WriteStringValue(alias);
            json.WriteEndArray();
            Url(json, links, page);
            json.WriteEndObject();
        }

        json.WriteStartArray("speakers");
        foreach (var s in index.Speakers) Named(s.Slug, s.Name, s.Aliases, SitePaths.Speaker(s.Slug), s);
        json.WriteEndArray();

        json.WriteStartArray("organisations");
        foreach (var o in index.Organisations) Named(o.Slug, o.Name, o.Aliases, SitePaths.Organisation(o.Slug));
        json.WriteEndArray();

        json.WriteStartArray("quotations");
        Elements(json, 'q', index.Articles, 16, a => a.Doc.Path, (json, a) =>
        {
            foreach (var q in a.Quotations)
            {
                json.WriteStartObject();
                json.WriteString("id", $"{a.Slug}/{q.Id}");
                json.WriteString("article", a.Slug);
                if (q.IsSpeech && q.SpeakerSlug is { } speaker) json.WriteString("speaker", speaker); else json.WriteNull("speaker");
                json.WriteBoolean("speech", q.IsSpeech);
                json.WriteString("attribution", q.Basis.ToString().ToLowerInvariant());
                Optional(json, "unnamed", q.UnnamedSource);
                Evidence(json, q.Evidence);
                json.WriteBoolean("partial", q.IsPartial);
                json.WriteString("anchor", $"p{q.FirstParagraph}");
                json.WriteStartArray("paragraphs");
                foreach (var s in q.Segments) json.WriteNumberValue(s.Paragraph);
                json.WriteEndArray();
                Url(json, links, SitePaths.Article(a.Slug), $"p{q.FirstParagraph}");
                json.WriteString("text", q.Text);
                json.WriteEndObject();
            }
        });
        json.WriteEndArray();

        json.WriteStartArray("personMentions");
        Elements(json, 'p', index.Articles, 16, a => a.Doc.Path, (json, a) =>
        {
            foreach (var m in a.People)
            {
                var text = a.Paragraphs[m.Paragraph - 1].Text;
                json.WriteStartObject();
                json.WriteString("speaker", m.SpeakerSlug);
                json.WriteString("article", a.Slug);
                json.WriteNumber("paragraph", m.Paragraph);
                json.WriteNumber("start", m.Start);
                json.WriteNumber("end", m.End);
                json.WriteString("text", text[m.Start..m.End]);
                json.WriteString("anchor", $"p{m.Paragraph}");
                Url(json, links, SitePaths.Article(a.Slug), $"p{m.Paragraph}");
                json.WriteEndObject();
            }
        });
        json.WriteEndArray();

        json.WriteStartArray("figures");
        Elements(json, 'f', index.FiguresInOrder, 64, e => e.Id, WriteFigure);
        json.WriteEndArray();

        void WriteFigure(Utf8JsonWriter json, FigureEntry e)
        {
            var f = e.Figure;
            json.WriteStartObject();
            json.WriteString("id", e.Id);
            json.WriteString("label", f.Spec.Label);
            json.WriteNumber("value", f.Value);
            Optional(json, "currency", f.Currency);
            Optional(json, "date", f.Spec.Kind == FigureKind.Date ? f.Date?.Iso : null);
            Optional(json, "unit", f.Unit);
            json.WriteString("kind", ValueFormatter.Kind(f.Spec.Kind));
            json.WriteString("match", f.Spec.Match.Value);
            json.WriteString("valueSource", f.Spec.Value is null ? "match" : "editor");
            json.WriteBoolean("editorialValue", Editorial.IsEditorialValue(e));
            json.WriteBoolean("caseLevel", e.Case is not null);
            json.WriteNumber("sources", e.Sources);
            json.WriteString("agreement", e.Differs ? "differ" : e.Sources > 1 ? "agree" : "single");
            Optional(json, "event", f.Spec.Event);
            json.WriteString("article", e.Article.Slug);
            json.WriteNumber("paragraph", f.Paragraph);
            json.WriteString("anchor", $"p{f.Paragraph}");
            json.WriteString("sentence", f.Sentence);
            Optional(json, "speaker", f.SpeakerSlug);
            Optional(json, "of", e.Of?.Id);
            if (e.Percent is { } pc) json.WriteNumber("percent", Math.Round(pc, 4)); else json.WriteNull("percent");
            Optional(json, "note", e.Case is { NoteMarkdown: { Length: > 0 } caseNote } ? caseNote : f.Spec.NoteMarkdown);
            Url(json, links, SitePaths.Figure(e.Id));
            if (e.Case is null) json.WriteNull("statements");
            else
            {
                json.WriteStartArray("statements");
                foreach (var st in e.Statements) WriteStatement(json, st);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }

        // One article's statement of a fact of the case, its value as that article gives it.
        void WriteStatement(Utf8JsonWriter json, FigureStatement st)
        {
            var f = st.Figure;
            json.WriteStartObject();
            json.WriteString("article", st.Article.Slug);
            json.WriteNumber("paragraph", f.Paragraph);
            json.WriteString("anchor", $"p{f.Paragraph}");
            json.WriteString("match", f.Spec.Match.Value);
            json.WriteNumber("value", f.Value);
            Optional(json, "currency", f.Currency);
            Optional(json, "date", f.Spec.Kind == FigureKind.Date ? f.Date?.Iso : null);
            json.WriteBoolean("editorialValue", Editorial.IsEditorialValue(f));
            json.WriteString("sentence", f.Sentence);
            Optional(json, "speaker", f.SpeakerSlug);
            Url(json, links, SitePaths.Article(st.Article.Slug), $"p{f.Paragraph}");
            json.WriteEndObject();
        }

        json.WriteStartArray("timeline");
        Elements(json, 't', index.Timeline, 64, e => e.Id, WriteEvent);

        static void WriteEvent(Utf8JsonWriter json, FigureEntry e)
        {
            json.WriteStartObject();
            json.WriteString("when", ValueFormatter.Value(e.Figure));
            json.WriteString("event", e.Figure.Spec.Event);
            json.WriteBoolean("editorialWhen", Editorial.IsEditorialValue(e));
            json.WriteString("figure", e.Id);
            json.WriteString("article", e.Article.Slug);
            json.WriteString("anchor", $"p{e.Figure.Paragraph}");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Why the quotation has its source: the attributor's evidence, and the line editors read for it.</summary>
    private static void Evidence(Utf8JsonWriter json, AttributionEvidence e)
    {
        json.WriteStartObject("evidence");
        json.WriteString("rule", e.Rule);
        Optional(json, "cue", e.Cue);
        Optional(json, "source", e.Source);
        Optional(json, "antecedent", e.Antecedent);
        if (e.Paragraph is { } paragraph) json.WriteNumber("paragraph", paragraph); else json.WriteNull("paragraph");
        json.WriteStartArray("candidates");
        foreach (var c in e.CandidateSlugs) json.WriteStringValue(c);
        json.WriteEndArray();
        json.WriteString("text", e.Describe());
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name); else json.WriteString(name, value);
    }

    /// <summary>"path" (from the site's root, always) and "url" (absolute, when the Host is known).</summary>
    private static void Url(Utf8JsonWriter json, LinkBuilder links, string path, string? fragment = null)
    {
        var hidden = links.Href(SitePaths.Home, path, fragment);
        json.WriteString("path", hidden.StartsWith('/') ? hidden : "/" + hidden.TrimStart('.', '/'));
        if (links.Absolute(path, fragment) is { } url) json.WriteString("url", url); else json.WriteNull("url");
    }
}
