using System.Collections.Immutable;
using System.Text.Json;
using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

/// <summary>Reads statiq.json and applies <c>-s KEY=VALUE</c> overrides, reporting problems at line:column.</summary>
public static class SettingsLoader
{
    public const string FileName = "statiq.json";

    private enum Kind { Text, Bool, Number }

    private static readonly Dictionary<string, Kind> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SiteTitle"] = Kind.Text,
        ["SiteDescription"] = Kind.Text,
        ["Host"] = Kind.Text,
        ["LinkRoot"] = Kind.Text,
        ["LinksUseHttps"] = Kind.Bool,
        ["LinkHideIndexPages"] = Kind.Bool,
        ["OutputPath"] = Kind.Text,
        ["ValidateRelativeLinks"] = Kind.Bool,
        ["ValidateLinksAsError"] = Kind.Bool,
        ["SearchIndex"] = Kind.Bool,
        ["QuoteMarks"] = Kind.Text,
        ["DataFileSplitSize"] = Kind.Number,
        ["DataFileArticlesPerPart"] = Kind.Number,
        ["SearchPagesPerIndex"] = Kind.Number,
        ["SearchIndexWrittenByGenerator"] = Kind.Bool,
    };

    public static SiteSettings Load(IContentSource source, IReadOnlyDictionary<string, string> overrides, DiagnosticList diagnostics)
    {
        var values = new Dictionary<string, (string Value, SourcePosition At)>(StringComparer.OrdinalIgnoreCase);
        if (source.FileExists(FileName))
        {
            try
            {
                var text = TextNormaliser.Normalise(System.Text.Encoding.UTF8.GetString(source.ReadAllBytes(FileName)));
                ReadJson(text, values, diagnostics);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(new SourcePosition(FileName, 1, 1), $"statiq.json cannot be read: {e.Message}");
            }
        }
        foreach (var (key, value) in overrides)
            values[key] = (value, new SourcePosition("--setting " + key, 1, 1));

        var d = SiteSettings.Default;
        var extra = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        string Text(string key, string fallback) => values.TryGetValue(key, out var v) ? v.Value : fallback;
        bool Bool(string key, bool fallback)
        {
            if (!values.TryGetValue(key, out var v)) return fallback;
            if (bool.TryParse(v.Value, out var b)) return b;
            diagnostics.Error(v.At, $"setting '{key}' must be true or false, not '{v.Value}'");
            return fallback;
        }
        long Number(string key, long fallback, long least)
        {
            if (!values.TryGetValue(key, out var v)) return fallback;
            if (long.TryParse(v.Value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= least) return n;
            diagnostics.Error(v.At, $"setting '{key}' must be a whole number of at least {least}, not '{v.Value}'");
            return fallback;
        }
        QuoteMarks Marks(string key, QuoteMarks fallback)
        {
            if (!values.TryGetValue(key, out var v)) return fallback;
            switch (v.Value.Trim().ToLowerInvariant())
            {
                case "double": return QuoteMarks.Double;
                case "single": return QuoteMarks.Single;
                case "both": return QuoteMarks.Both;
                default:
                    diagnostics.Error(v.At, $"setting '{key}' must be double, single or both, not '{v.Value}'");
                    return fallback;
            }
        }
        foreach (var (key, v) in values)
            if (!Known.ContainsKey(key))
            {
                var suggestion = KeySuggester.Suggest(key, Known.Keys);
                if (suggestion is not null) diagnostics.Warning(v.At, $"unknown setting '{key}': did you mean '{suggestion}'?", "unknown setting");
                extra[key] = v.Value;
            }

        var linkRoot = Text("LinkRoot", d.LinkRoot).Trim().TrimEnd('/');
        if (linkRoot.Length > 0 && !linkRoot.StartsWith('/')) linkRoot = "/" + linkRoot;
        var host = Text("Host", "").Trim();
        return new SiteSettings(
            Text("SiteTitle", d.SiteTitle),
            Text("SiteDescription", d.SiteDescription),
            host.Length == 0 ? null : host,
            linkRoot,
            Bool("LinksUseHttps", d.LinksUseHttps),
            Bool("LinkHideIndexPages", d.LinkHideIndexPages),
            Text("OutputPath", d.OutputPath),
            Bool("ValidateRelativeLinks", d.ValidateRelativeLinks),
            Bool("ValidateLinksAsError", d.ValidateLinksAsError),
            extra.ToImmutable()) {
            SearchIndex = Bool("SearchIndex", d.SearchIndex),
            QuoteMarks = Marks("QuoteMarks", d.QuoteMarks),
            DataFileSplitSize = Number("DataFileSplitSize", d.DataFileSplitSize, 0),
            DataFileArticlesPerPart = (int)Math.Min(Number("DataFileArticlesPerPart", d.DataFileArticlesPerPart, 1), int.MaxValue),
            SearchPagesPerIndex = (int)Math.Min(Number("SearchPagesPerIndex", d.SearchPagesPerIndex, 1), int.MaxValue),
            SearchIndexWrittenByGenerator = Bool("SearchIndexWrittenByGenerator", d.SearchIndexWrittenByGenerator),
        };
    }

    private static void ReadJson(string text, Dictionary<string, (string, SourcePosition)> values, DiagnosticList diagnostics)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var col = (int)(e.BytePositionInLine ?? 0) + 1;
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            diagnostics.Error(new SourcePosition(FileName, line, col), $"statiq.json is not valid JSON: {message.TrimEnd('.', ' ')}");
            return;
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Error(new SourcePosition(FileName, 1, 1), "statiq.json must hold one JSON object of settings, e.g. { \"SiteTitle\": \"…\" }");
                return;
            }
            var locator = new JsonKeyLocator(text);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var at = locator.Find(p.Name);
                var kind = Known.TryGetValue(p.Name, out var k) ? k : Kind.Text;
                switch (p.Value.ValueKind)
                {
                    case JsonValueKind.String when kind == Kind.Text:
                        values[p.Name] = (p.Value.GetString() ?? "", at); break;
                    case JsonValueKind.True or JsonValueKind.False when kind == Kind.Bool:
                        values[p.Name] = (p.Value.GetBoolean() ? "true" : "false", at); break;
                    case JsonValueKind.Number when kind == Kind.Number:
                        values[p.Name] = (p.Value.GetRawText(), at); break;
                    case JsonValueKind.Null:
                        break;
                    case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False when !Known.ContainsKey(p.Name):
                        values[p.Name] = (p.Value.GetRawText(), at); break;
                    default:
                        if (Known.ContainsKey(p.Name))
                            diagnostics.Error(at, $"setting '{p.Name}' must be {kind switch { Kind.Bool => "true or false", Kind.Number => "a number", _ => "a string" }}, not {Describe(p.Value.ValueKind)}");
                        else
                            values[p.Name] = (p.Value.GetRawText(), at);
                        break;
                }
            }
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Finds where a top-level key is written, since JsonDocument keeps no positions.</summary>
    private sealed class JsonKeyLocator(string text)
    {
        public SourcePosition Find(string key)
        {
            var needle = JsonSerializer.Serialize(key);
            var i = text.IndexOf(needle, StringComparison.Ordinal);
            if (i < 0) return new SourcePosition(FileName, 1, 1);
            var line = 1;
            var lineStart = 0;
            for (var j = 0; j < i; j++)
                if (text[j] == '\n') { line++; lineStart = j + 1; }
            return new SourcePosition(FileName, line, i - lineStart + 1);
        }
    }
}
