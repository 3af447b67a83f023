using System.Collections.Immutable;
using System.Text;
using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

/// <summary>
/// What a long-running session keeps between loads: each document that read cleanly, with the
/// text it was read from (and its source text's hash), so an unchanged file is not parsed again.
/// </summary>
public sealed class LoadCache
{
    internal sealed record Entry(string Text, object Result, ImmutableArray<Diagnostic> Diagnostics, string? SeedPath, string? SeedSha);

    internal System.Collections.Concurrent.ConcurrentDictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);
}

/// <summary>The load stage: reads settings, every input document and every source text.</summary>
public sealed class ContentLoader(IContentSource project, IReadOnlyDictionary<string, string> settingOverrides, LoadCache? loadCache = null)
{
    public LoadedProject Load()
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
        }, diagnostics, cached: true);
        var contextTexts = new List<string>();
        // Speakers and organisations are cheap and few: they are read afresh, and their texts fingerprinted.
        var speakers = ReadAll("input/speakers", (path, text, d) => { lock (contextTexts) contextTexts.Add(path + "\n" + text); return DocumentReaders.ReadSpeaker(path, text, d); }, diagnostics);
        var organisations = ReadAll("input/organisations", (path, text, d) => { lock (contextTexts) contextTexts.Add(path + "\n" + text); return DocumentReaders.ReadOrganisation(path, text, d); }, diagnostics);
        // What every article's analysis depends on besides the article itself: the people and bodies it may name.
        var context = Fingerprint.Of(contextTexts.Order(StringComparer.Ordinal));

        return new LoadedProject(settings, home, articles, speakers, organisations, diagnostics.ToImmutable(), context, SettingsFingerprint(settings, home));
    }

    /// <summary>Reads each Markdown file of a folder in parallel, keeping the files' order.</summary>
    private ImmutableArray<T> ReadAll<T>(string folder, Func<string, string, DiagnosticList, T?> read, DiagnosticList diagnostics, bool cached = false) where T : class
    {
        var cache = cached ? loadCache : null;
        var files = project.ListFiles(folder, ".md");
        var results = new T?[files.Count];
        var perFile = new ImmutableArray<Diagnostic>[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var path = files[i];
            var d = new DiagnosticList();
            var text = ReadText(path, d);
            if (text is not null && cache is not null && cache.Entries.TryGetValue(path, out var hit) && hit.Text == text && SeedUnchanged(hit))
            {
                results[i] = (T)hit.Result;
                perFile[i] = hit.Diagnostics;
                return;
            }
            results[i] = text is null ? null : read(path, text, d);
            perFile[i] = d.ToImmutable();
            if (cache is null) return;
            if (results[i] is { } result && !d.HasErrors)
            {
                var seed = (result as LoadedArticle)?.Source;
                cache.Entries[path] = new LoadCache.Entry(text!, result, perFile[i], seed?.Path, seed?.Sha256);
            }
            else cache.Entries.TryRemove(path, out _);
        });
        foreach (var d in perFile) diagnostics.AddRange(d);
        return [.. results.OfType<T>()];
    }

    private bool SeedUnchanged(LoadCache.Entry entry)
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
