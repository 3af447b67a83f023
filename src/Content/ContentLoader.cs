using System.Collections.Immutable;
using System.Text;
using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

/// <summary>
/// What a long-running session keeps between loads: each document that read cleanly, with the
/// text it was read from (and its source text's hash), so an unchanged file is not parsed again;
/// and both files' stamps, so one whose stamp is unchanged is not even read. A value: each load
/// returns the next one.
/// </summary>
public sealed class LoadMemo
{
    internal sealed record Entry(string Text, object Result, ImmutableArray<Diagnostic> Diagnostics, string? SeedPath, string? SeedSha,
        FileStamp? Stamp = null, FileStamp? SeedStamp = null);

    public static readonly LoadMemo None = new(new Dictionary<string, Entry>());

    internal LoadMemo(IReadOnlyDictionary<string, Entry> entries) => Entries = entries;

    internal IReadOnlyDictionary<string, Entry> Entries { get; }
}

/// <summary>The load stage: reads settings, every input document and every source text.</summary>
public sealed class ContentLoader(IContentSource project, IReadOnlyDictionary<string, string> settingOverrides)
{
    public LoadedProject Load() => Load(null).Project;

    /// <summary>A load that reuses what <paramref name="memo"/> read, and returns what the next may reuse.</summary>
    public (LoadedProject Project, LoadMemo Memo) Load(LoadMemo? memo)
    {
        var next = memo is null ? null : new System.Collections.Concurrent.ConcurrentDictionary<string, LoadMemo.Entry>(StringComparer.Ordinal);
        var project = Load(memo, next);
        return (project, next is null ? LoadMemo.None : new LoadMemo(new Dictionary<string, LoadMemo.Entry>(next, StringComparer.Ordinal)));
    }

    private LoadedProject Load(LoadMemo? memo, System.Collections.Concurrent.ConcurrentDictionary<string, LoadMemo.Entry>? next)
    {
        var diagnostics = new DiagnosticList();
        var settings = SettingsLoader.Load(project, settingOverrides, diagnostics);

        var home = project.FileExists("input/index.md")
            ? DocumentReaders.ReadHome("input/index.md", ReadText("input/index.md", diagnostics) ?? "", diagnostics)
            : new HomeDoc(null, "");

        var articles = ReadAll("input/articles", (path, text, d) =>
        {
            var doc = DocumentReaders.ReadArticle(path, text, d);
            if (doc is null) return null;
            var source = SeedReader.Read(project, doc, d);
            return source is null ? null : new LoadedArticle(doc, source, Fingerprint.Of(path, text, source.Sha256));
        }, diagnostics, memo, next);
        var contextTexts = new List<string>();
        // Speakers and organisations are cheap and few: they are read afresh, and their texts fingerprinted.
        var speakers = ReadAll("input/speakers", (path, text, d) => { lock (contextTexts) contextTexts.Add(path + "\n" + text); return DocumentReaders.ReadSpeaker(path, text, d); }, diagnostics);
        var organisations = ReadAll("input/organisations", (path, text, d) => { lock (contextTexts) contextTexts.Add(path + "\n" + text); return DocumentReaders.ReadOrganisation(path, text, d); }, diagnostics);
        // A statement of a case-level figure is read by its figure's kind, so the figures are context too.
        var figures = ReadAll("input/figures", (path, text, d) => { lock (contextTexts) contextTexts.Add(path + "\n" + text); return DocumentReaders.ReadCaseFigure(path, text, d); }, diagnostics);
        // What every article's analysis depends on besides the article itself: the people, bodies and facts it may name, and the marks that quote.
        var context = Fingerprint.Of([.. contextTexts.Order(StringComparer.Ordinal), "QuoteMarks=" + settings.QuoteMarks]);

        return new LoadedProject(settings, home, articles, speakers, organisations, diagnostics.ToImmutable(), context, SettingsFingerprint(settings, home))
        {
            Figures = figures,
        };
    }

    /// <summary>Reads each Markdown file of a folder in parallel, keeping the files' order.</summary>
    private ImmutableArray<T> ReadAll<T>(string folder, Func<string, string, DiagnosticList, T?> read, DiagnosticList diagnostics,
        LoadMemo? cache = null, System.Collections.Concurrent.ConcurrentDictionary<string, LoadMemo.Entry>? next = null) where T : class
    {
        var files = project.ListFiles(folder, ".md");
        var results = new T?[files.Count];
        var perFile = new ImmutableArray<Diagnostic>[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var path = files[i];
            // Taken before reading, so a file changed meanwhile is read again next time.
            var stamp = cache is null ? null : project.Stamp(path);
            if (stamp is not null && cache!.Entries.TryGetValue(path, out var known) && known.Stamp == stamp
                && (known.SeedPath is null || (known.SeedStamp is not null && project.Stamp(known.SeedPath) == known.SeedStamp)))
            {
                results[i] = (T)known.Result;
                perFile[i] = known.Diagnostics;
                next![path] = known;
                return;
            }
            var d = new DiagnosticList();
            var text = ReadText(path, d);
            if (text is not null && cache is not null && cache.Entries.TryGetValue(path, out var hit) && hit.Text == text && SeedUnchanged(hit))
            {
                results[i] = (T)hit.Result;
                perFile[i] = hit.Diagnostics;
                // Both were read and found unchanged; their stamps now are good for the next load.
                next![path] = hit with { Stamp = stamp, SeedStamp = hit.SeedPath is null ? null : project.Stamp(hit.SeedPath) };
                return;
            }
            results[i] = text is null ? null : read(path, text, d);
            perFile[i] = d.ToImmutable();
            if (next is null) return;
            if (results[i] is { } result && !d.HasErrors)
            {
                var seed = (result as LoadedArticle)?.Source;
                // The source's stamp comes after its reading; a source changed in between is too
                // young to have one (see DiskContentSource.Stamp), so it is hashed again next time.
                next[path] = new LoadMemo.Entry(text!, result, perFile[i], seed?.Path, seed?.Sha256,
                    stamp, seed is null ? null : project.Stamp(seed.Path));
            }
        });
        foreach (var d in perFile) diagnostics.AddRange(d);
        return [.. results.OfType<T>()];
    }

    private bool SeedUnchanged(LoadMemo.Entry entry)
    {
        if (entry.SeedPath is null) return true;
        try
        {
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(project.ReadAllBytes(entry.SeedPath))) == entry.SeedSha;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private static string SettingsFingerprint(SiteSettings s, HomeDoc home) =>
        Fingerprint.Of([s.SiteTitle, s.SiteDescription, s.Host ?? "", s.LinkRoot, s.LinksUseHttps.ToString(), s.LinkHideIndexPages.ToString(),
            s.ValidateRelativeLinks.ToString(), s.ValidateLinksAsError.ToString(),
            home.Title ?? "", home.IntroMarkdown, .. s.Extra.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + e.Value)]);

    private string? ReadText(string path, DiagnosticList diagnostics)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(project.ReadAllBytes(path));
        }
        catch (DecoderFallbackException e)
        {
            diagnostics.Error(new SourcePosition(path, 1, 1), $"the file is not valid UTF-8 (byte offset {e.Index}); save it as UTF-8");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(new SourcePosition(path, 1, 1), $"the file cannot be read: {e.Message}");
        }
        return null;
    }
}
