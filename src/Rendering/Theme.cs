using System.Collections.Immutable;
using System.Text;
using CaseRecord.Content;
using CaseRecord.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CaseRecord.Rendering;

/// <summary>
/// The theme, parsed once per build: Scriban layouts (<c>theme/layouts</c>), partials
/// (<c>theme/partials</c>, used with <c>include "name"</c>) and assets copied as they are.
/// </summary>
public sealed class Theme : ITemplateLoader
{
    public const string Folder = "theme";
    private readonly ImmutableDictionary<string, Template> _layouts;
    private readonly ImmutableDictionary<string, Template> _partials;
    // The templates written by code (by reference: a parsed partial is one object for the build).
    private readonly ImmutableDictionary<Template, Native.INativeTemplate> _native;

    private Theme(ImmutableDictionary<string, Template> layouts, ImmutableDictionary<string, Template> partials, ImmutableArray<(string Path, byte[] Bytes)> assets, string fingerprint,
        ImmutableDictionary<Template, Native.INativeTemplate> native)
    {
        _layouts = layouts;
        _partials = partials;
        _native = native;
        BodyInPlace = layouts.TryGetValue("_layout", out var layout) && PageBody.WrittenPlainly(layout);
        Assets = assets;
        Fingerprint = fingerprint;
    }

    /// <summary>Changes whenever any file of the theme does; a changed theme means every page is rendered again.</summary>
    public string Fingerprint { get; }

    /// <summary>The assets as published: styles and scripts under a name with their content hash.</summary>
    public ImmutableArray<(string Path, byte[] Bytes)> Assets { get; }

    private ImmutableDictionary<string, string> _assetNames = ImmutableDictionary<string, string>.Empty;

    /// <summary>The published name of an asset (<c>site.css</c> → <c>site.3f2a9c1d.css</c>), so hosts can cache it for ever.</summary>
    public string AssetPath(string logical) => _assetNames.GetValueOrDefault(logical, logical);

    private static string Fingerprinted(string logical, byte[] bytes)
    {
        var ext = System.IO.Path.GetExtension(logical);
        if (ext is not (".css" or ".js")) return logical;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..10];
        return logical[..^ext.Length] + "." + hash + ext;
    }

    public Template? Layout(string name) => _layouts.GetValueOrDefault(name);

    /// <summary>Whether the base layout can be given a page's body as a <see cref="PageBody"/> rather than a string.</summary>
    internal bool BodyInPlace { get; }

    /// <param name="native">Whether stock templates are written by code (<see cref="Native.INativeTemplate"/>); off only to check that they make the same pages.</param>
    public static Theme Load(IContentSource project, DiagnosticList diagnostics, bool native = true)
    {
        // Files may vanish between listing and reading (an editor saving); that is an error to report, not a crash.
        byte[] Read(string path)
        {
            try { return project.ReadAllBytes(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                lock (diagnostics) diagnostics.Error(new SourcePosition(path, 1, 1), $"the theme file cannot be read: {e.Message}");
                return [];
            }
        }
        var files = project.ListFilesRecursive(Folder);
        var contents = files.ToDictionary(f => f, Read, StringComparer.Ordinal);
        var fingerprint = Content.Fingerprint.Of(files.Select(f => System.Text.Encoding.UTF8.GetBytes(f)).Concat(files.Select(f => contents[f])));
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var layouts = ParseAll(contents, Folder + "/layouts", diagnostics, texts);
        var partials = ParseAll(contents, Folder + "/partials", diagnostics, texts);
        var natives = ImmutableDictionary.CreateBuilder<Template, Native.INativeTemplate>(ReferenceEqualityComparer.Instance);
        if (native)
            foreach (var (path, writer) in Native.NativeTemplates.Of(texts))
                if (layouts.Values.Concat(partials.Values).FirstOrDefault(t => t.SourceFilePath == path) is { } template) natives[template] = writer;
        var assetNames = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var assets = files.Where(f => f.StartsWith(Folder + "/assets/", StringComparison.Ordinal))
            .Select(p =>
            {
                var logical = p[(Folder + "/assets/").Length..];
                var bytes = contents[p];
                var published = Fingerprinted(logical, bytes);
                assetNames[logical] = published;
                return (Path: published, Bytes: bytes);
            })
            .ToImmutableArray();
        if (!layouts.ContainsKey("_layout"))
            diagnostics.Error(new SourcePosition(Folder + "/layouts/_layout.sbn", 1, 1), "the theme has no base layout theme/layouts/_layout.sbn");
        return new Theme(layouts, partials, assets, fingerprint, natives.ToImmutable()) { _assetNames = assetNames.ToImmutable() };
    }

    private static ImmutableDictionary<string, Template> ParseAll(IReadOnlyDictionary<string, byte[]> contents, string folder, DiagnosticList diagnostics, Dictionary<string, string> texts)
    {
        var result = ImmutableDictionary.CreateBuilder<string, Template>(StringComparer.Ordinal);
        foreach (var path in contents.Keys.Where(p => p.StartsWith(folder + "/", StringComparison.Ordinal) && p.EndsWith(".sbn", StringComparison.Ordinal)
                     && !p[(folder.Length + 1)..].Contains('/')).Order(StringComparer.Ordinal))
        {
            var text = TextNormaliser.Normalise(Encoding.UTF8.GetString(contents[path]));
            var template = Template.Parse(text, path);
            texts[path] = text;
            if (template.HasErrors)
            {
                foreach (var m in template.Messages)
                    diagnostics.Error(new SourcePosition(path, m.Span.Start.Line + 1, m.Span.Start.Column + 1), "template: " + m.Message);
                continue;
            }
            EscapePipes.Apply(template);
            MemberReads.Apply(template);
            Fragments.FragmentRewriter.Apply(template, SiteRenderer.SharedGlobals);
            result[ProjectPath.FileStem(path)] = template;
        }
        return result.ToImmutable();
    }

    /// <summary>A render context whose includes come from the already parsed partials.</summary>
    public TemplateContext NewContext()
    {
        var context = new ThemeContext(_native)
        {
            TemplateLoader = this,
            LoopLimit = int.MaxValue,
            RecursiveLimit = 100,
            StrictVariables = true,
            MemberRenamer = StandardMemberRenamer.Default,
            AutoIndent = false,
            // Scriban cuts any output or string past a million characters by default, silently;
            // a record's page must never lose rows, so there is no limit (long lists are paged).
            LimitToString = 0,
            OutputLimit = 0,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OnOutputLimit = ScriptLimitBehavior.Throw,
        };
        foreach (var (name, template) in _partials) context.CachedTemplates[name] = template;
        PooledInclude.Install(context);
        return context;
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"no partial '{templatePath}' in theme/partials");

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"no partial '{templatePath}' in theme/partials");
}
