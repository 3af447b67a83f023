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

    // Not indented: at 10,000 articles indentation was a quarter of the data's bytes (60 MB of a
    // site that must fit a 1 GB host); a reader's tool (jq, a browser's viewer) lays it out.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <param name="previous">The last files' elements, in a long-running session: an unchanged article's are copied, not written again.</param>
    /// <param name="delta">What changed since the last files, whose elements are in <paramref name="previous"/>.</param>
    /// <returns>The files, data/case.json first (each one's bytes in pieces: the reused elements are not copied into one array), and their elements for the next write.</returns>
    public static (ImmutableArray<Output.OutputFile> Files, OpenDataChunks? Chunks) Write(CaseIndex index, LinkBuilder links, OpenDataChunks? previous = null, IndexDelta? delta = null)
    {
        var cache = previous?.Next(Renewed(index, delta ?? IndexDelta.Everything));
        var files = ImmutableArray.CreateBuilder<Output.OutputFile>();
        Files(index, links, (path, body) =>
        {
            var file = new InMemory(cache);
            using (var json = new Utf8JsonWriter(file.Buffer, Options)) body(json, file.Elements);
            var output = new Output.OutputFile(path, file.Pieces());
            files.Add(output);
            return output.Length;
        });
        return (files.ToImmutable(), cache?.Finish());
    }

    /// <summary>
    /// The record written straight to streams, for a build to disk: held whole beside the record,
    /// a large record's file was the build's peak of memory.
    /// </summary>
    /// <param name="add">Makes the file at a path with the writing given, and returns its size; called from several threads at once for the parts of a split record.</param>
    /// <returns>The size of all the files.</returns>
    public static long Write(CaseIndex index, LinkBuilder links, Func<string, Action<Stream>, long> add) =>
        Files(index, links, (path, body) => add(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, Options);
            body(json, Streamed);
        }), partsAtOnce: true);

    /// <summary>How a file lays out the elements of a top-level array: written in turn, or (with a cache) chunk by chunk, kept ones copied (see <see cref="OpenDataChunks.Writer.Elements"/>).</summary>
    private interface IElements
    {
        void Of<T>(Utf8JsonWriter json, char section, ImmutableArray<T> items, int chunk, Func<T, string> key, Action<Utf8JsonWriter, T> write) where T : class;
    }

    private static readonly IElements Streamed = new InTurn();

    private sealed class InTurn : IElements
    {
        public void Of<T>(Utf8JsonWriter json, char section, ImmutableArray<T> items, int chunk, Func<T, string> key, Action<Utf8JsonWriter, T> write) where T : class
        {
            foreach (var item in items)
            {
                write(json, item);
                if (json.BytesPending >= FlushAt) json.Flush();
            }
        }
    }

    /// <summary>One file made in memory: with a cache, kept chunks are spliced in where the writer laid a stand-in.</summary>
    private sealed class InMemory(OpenDataChunks.Writer? cache) : IElements
    {
        private readonly List<(long At, byte[] Bytes)> _reused = [];

        public Output.ChunkedBuffer Buffer { get; } = new();

        public IElements Elements => cache is null ? Streamed : this;

        public void Of<T>(Utf8JsonWriter json, char section, ImmutableArray<T> items, int chunk, Func<T, string> key, Action<Utf8JsonWriter, T> write) where T : class =>
            cache!.Elements(section, items, chunk, key, write, Options, bytes =>
            {
                if (bytes.Length == 0) return;
                // A one-byte stand-in for the kept bytes (so commas and indentation stay the writer's), replaced in Pieces.
                json.WriteRawValue("0"u8, skipInputValidation: true);
                _reused.Add((json.BytesCommitted + json.BytesPending - 1, bytes));
            });

        public ImmutableArray<ReadOnlyMemory<byte>> Pieces()
        {
            if (_reused.Count == 0) return Buffer.Pieces();
            var skeleton = Buffer.ToArray();
            var pieces = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>(_reused.Count * 2 + 1);
            var from = 0;
            foreach (var (at, bytes) in _reused)
            {
                if (at > from) pieces.Add(skeleton.AsMemory(from, (int)at - from));
                pieces.Add(bytes);
                from = (int)at + 1;
            }
            pieces.Add(skeleton.AsMemory(from));
            return pieces.ToImmutable();
        }
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

    /// <summary>Bytes the writer may hold before it hands them on (to the stream or the buffer).</summary>
    private const int FlushAt = 1 << 16;

    // Fewer of an article's long texts go to a chunk than figures or events.
    private const int ArticleChunk = 16, FigureChunk = 64;

    /// <summary>Every file of the record, in order: one, or the index and its parts (see <see cref="OpenDataParts"/>).</summary>
    /// <param name="add">Makes the file at a path with the writing given (a writer and the way to lay out elements), and returns its size.</param>
    /// <param name="partsAtOnce">Whether the parts may be made on several threads: each is made from its own articles alone, and
    /// written one after another they were a pause before the render of nearly a second at 10,000 articles (bench/README.md).</param>
    private static long Files(CaseIndex index, LinkBuilder links, Func<string, Action<Utf8JsonWriter, IElements>, long> add, bool partsAtOnce = false)
    {
        var parts = OpenDataParts.For(index);
        var elements = new Elements(index, links);
        if (!parts.IsSplit) return add(SitePaths.Data, elements.Whole);
        var bytes = add(SitePaths.Data, (json, e) => elements.Index(json, e, parts));
        var partOf = new Dictionary<AnalysedArticle, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < parts.Parts.Length; i++)
            foreach (var a in parts.Parts[i]) partOf[a] = i;
        var figures = index.FiguresInOrder.GroupBy(f => partOf[f.Article]).ToDictionary(g => g.Key, g => g.ToImmutableArray());
        // The timeline is dealt out in even runs, in order: it grows with the record too.
        var events = (index.Timeline.Length + parts.Parts.Length - 1) / parts.Parts.Length;
        long Part(int i)
        {
            var number = i + 1;
            var articles = parts.Parts[i];
            var own = figures.GetValueOrDefault(i, []);
            var from = Math.Min(i * events, index.Timeline.Length);
            var timeline = index.Timeline.Slice(from, Math.Min(events, index.Timeline.Length - from));
            return add(SitePaths.DataPart(number), (json, e) => elements.Part(json, e, number, articles, own, timeline));
        }
        if (partsAtOnce)
            Parallel.For(0, parts.Parts.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => Interlocked.Add(ref bytes, Part(i)));
        else
            for (var i = 0; i < parts.Parts.Length; i++) bytes += Part(i);
        return bytes;
    }

    /// <summary>The objects of the file, each made from its item alone (and the settings): a session copies the bytes of unchanged ones.</summary>
    private sealed class Elements(CaseIndex index, LinkBuilder links)
    {
        /// <summary>The whole record in one file.</summary>
        public void Whole(Utf8JsonWriter json, IElements e)
        {
            Head(json);
            ArticleLists(json, e, index.Articles, index.FiguresInOrder, People);
            json.WriteStartArray("timeline");
            e.Of(json, 't', index.Timeline, FigureChunk, f => f.Id, WriteEvent);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        /// <summary>The index of a split record: what does not grow with the number of articles, and the parts with the articles each holds.</summary>
        public void Index(Utf8JsonWriter json, IElements e, OpenDataParts parts)
        {
            Head(json);
            json.WriteStartArray("parts");
            for (var i = 0; i < parts.Parts.Length; i++)
            {
                json.WriteStartObject();
                json.WriteNumber("part", i + 1);
                Url(json, links, SitePaths.DataPart(i + 1));
                json.WriteStartArray("articles");
                foreach (var a in parts.Parts[i]) json.WriteStringValue(a.Slug);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            People(json);
            json.WriteEndObject();
        }

        /// <summary>A part of a split record: its articles, with their quotations, mentions and figures, and its run of the timeline.</summary>
        public void Part(Utf8JsonWriter json, IElements e, int number, ImmutableArray<AnalysedArticle> articles, ImmutableArray<FigureEntry> figures, ImmutableArray<FigureEntry> timeline)
        {
            json.WriteStartObject();
            json.WriteString("schemaVersion", SchemaVersion);
            json.WriteNumber("part", number);
            ArticleLists(json, e, articles, figures, null);
            json.WriteStartArray("timeline");
            e.Of(json, 't', timeline, FigureChunk, f => f.Id, WriteEvent);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private void Head(Utf8JsonWriter json)
        {
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
        }

        /// <summary>The lists made of articles, in the one file's order: articles, (speakers and organisations,) quotations, person mentions, figures.</summary>
        private void ArticleLists(Utf8JsonWriter json, IElements e, ImmutableArray<AnalysedArticle> articles, ImmutableArray<FigureEntry> figures, Action<Utf8JsonWriter>? between)
        {
            json.WriteStartArray("articles");
            e.Of(json, 'a', articles, ArticleChunk, a => a.Doc.Path, Article);
            json.WriteEndArray();
            between?.Invoke(json);
            json.WriteStartArray("quotations");
            e.Of(json, 'q', articles, ArticleChunk, a => a.Doc.Path, Quotations);
            json.WriteEndArray();
            json.WriteStartArray("personMentions");
            e.Of(json, 'p', articles, ArticleChunk, a => a.Doc.Path, Mentions);
            json.WriteEndArray();
            json.WriteStartArray("figures");
            e.Of(json, 'f', figures, FigureChunk, f => f.Id, WriteFigure);
            json.WriteEndArray();
        }

        private void Article(Utf8JsonWriter json, AnalysedArticle a)
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
        }

        /// <summary>The speakers and organisations.</summary>
        private void People(Utf8JsonWriter json)
        {
            json.WriteStartArray("speakers");
            foreach (var s in index.Speakers) Body(json, s.Slug, s.Name, s.Aliases, SitePaths.Speaker(s.Slug), s);
            json.WriteEndArray();
            json.WriteStartArray("organisations");
            foreach (var o in index.Organisations) Body(json, o.Slug, o.Name, o.Aliases, SitePaths.Organisation(o.Slug));
            json.WriteEndArray();
        }

        // A speaker or an organisation: slug, name, what only speakers have, aliases, page.
        private void Body(Utf8JsonWriter json, string slug, string name, ImmutableArray<string> aliases, string page, SpeakerDoc? speaker = null)
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

        private void Quotations(Utf8JsonWriter json, AnalysedArticle a)
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
        }

        private void Mentions(Utf8JsonWriter json, AnalysedArticle a)
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
        }

        private void WriteFigure(Utf8JsonWriter json, FigureEntry e)
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

        private static void WriteEvent(Utf8JsonWriter json, FigureEntry e)
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
