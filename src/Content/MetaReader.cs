using System.Collections.Immutable;
using System.Globalization;
using CaseRecord.Content.Yaml;
using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

/// <summary>
/// Typed, case-insensitive reads from one YAML mapping, reporting wrong types and missing keys
/// at the key's own line. Keys not asked for are kept as metadata for templates.
/// </summary>
public sealed class MetaReader
{
    private readonly FrontMatter _file;
    private readonly YMapping _map;
    private readonly DiagnosticList _diagnostics;
    private readonly SourcePosition _where;
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    public MetaReader(FrontMatter file, YMapping map, DiagnosticList diagnostics, SourcePosition where)
    {
        _file = file;
        _map = map;
        _diagnostics = diagnostics;
        _where = where;
    }

    public SourcePosition Where => _where;
    public SourcePosition At(YNode node) => _file.At(node);

    private YEntry? Find(string key)
    {
        _known.Add(key);
        foreach (var e in _map.Entries)
            if (string.Equals(e.Key.Value, key, StringComparison.OrdinalIgnoreCase)) return e;
        return null;
    }

    public bool Has(string key) => Find(key) is { Value: not YScalar { IsNull: true } };

    public Located<string>? String(string key, bool required = false, string? what = null)
    {
        var e = Find(key);
        if (e is null || e.Value is YScalar { IsNull: true })
        {
            if (required) _diagnostics.Error(e is null ? _where : At(e.Key), $"missing required key '{key}'{(what is null ? "" : $" ({what})")}");
            return null;
        }
        if (e.Value is YScalar s)
        {
            if (required && string.IsNullOrWhiteSpace(s.Value))
            {
                _diagnostics.Error(At(e.Value), $"'{key}' must not be empty");
                return null;
            }
            return new Located<string>(s.Value.Trim(), At(s));
        }
        _diagnostics.Error(At(e.Value), $"'{key}' must be text, not a {e.Value.KindName}");
        return null;
    }

    public Located<int>? Integer(string key)
    {
        var s = String(key);
        if (s is null) return null;
        if (int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return new(n, s.At);
        _diagnostics.Error(s.At, $"'{key}' must be a whole number, not '{s.Value}'");
        return null;
    }

    public Located<decimal>? Number(string key)
    {
        var s = String(key);
        if (s is null) return null;
        if (decimal.TryParse(s.Value.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return new(n, s.At);
        _diagnostics.Error(s.At, $"'{key}' must be a number, not '{s.Value}'");
        return null;
    }

    /// <summary>A list of texts; a single text is taken as a list of one.</summary>
    public ImmutableArray<Located<string>> StringList(string key)
    {
        var e = Find(key);
        if (e is null || e.Value is YScalar { IsNull: true }) return [];
        if (e.Value is YScalar single) return [new Located<string>(single.Value.Trim(), At(single))];
        if (e.Value is not YSequence seq)
        {
            _diagnostics.Error(At(e.Value), $"'{key}' must be a list of texts, not a {e.Value.KindName}");
            return [];
        }
        var items = ImmutableArray.CreateBuilder<Located<string>>();
        foreach (var item in seq.Items)
        {
            if (item is YScalar s && !s.IsNull) items.Add(new Located<string>(s.Value.Trim(), At(s)));
            else if (item is YMapping m && ColonHint.ForItem(m) is { Length: > 0 } hint)
                _diagnostics.Error(At(m.Entries[0].Key), $"each item of '{key}' must be text, not a mapping{hint}");
            else _diagnostics.Error(At(item), $"each item of '{key}' must be text, not a {(item is YScalar ? "blank" : item.KindName)}");
        }
        return items.ToImmutable();
    }

    /// <summary>
    /// A list of texts (as <see cref="StringList"/>) whose items may also be mappings that give the
    /// text under <paramref name="textKey"/> and a note on it under <paramref name="noteKey"/>
    /// (<c>omit: [{text: "Our top stories", reason: page furniture}]</c>).
    /// </summary>
    public ImmutableArray<(Located<string> Text, string? Note)> NotedStringList(string key, string textKey, string noteKey)
    {
        var e = Find(key);
        if (e?.Value is not YSequence seq || !seq.Items.Any(i => i is YMapping m && m.Entries.Any(x => x.Key.Value == textKey)))
            return [.. StringList(key).Select(t => (t, (string?)null))];
        var items = ImmutableArray.CreateBuilder<(Located<string>, string?)>();
        foreach (var item in seq.Items)
        {
            if (item is YMapping m && m.Entries.Any(x => x.Key.Value == textKey))
            {
                var reader = new MetaReader(_file, m, _diagnostics, At(m));
                var text = reader.String(textKey, required: true, "the paragraph, exactly");
                var note = reader.String(noteKey)?.Value;
                reader.Rest();
                if (text is not null) items.Add((text with { Value = text.Value.Trim() }, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
            }
            else if (item is YScalar s && !s.IsNull) items.Add((new Located<string>(s.Value.Trim(), At(s)), null));
            else _diagnostics.Error(At(item), $"each item of '{key}' must be text or '{textKey}: …' with '{noteKey}: …', not a {(item is YScalar ? "blank" : item.KindName)}");
        }
        return items.ToImmutable();
    }

    /// <summary>A list of mappings (figures, quotes), each read by its own reader.</summary>
    public ImmutableArray<MetaReader> MappingList(string key, string itemExample)
    {
        var e = Find(key);
        if (e is null || e.Value is YScalar { IsNull: true }) return [];
        if (e.Value is not YSequence seq)
        {
            _diagnostics.Error(At(e.Value), $"'{key}' must be a list of items, each starting with '- ' (e.g. {itemExample}), not a {e.Value.KindName}");
            return [];
        }
        var items = ImmutableArray.CreateBuilder<MetaReader>();
        foreach (var item in seq.Items)
        {
            if (item is YMapping m) items.Add(new MetaReader(_file, m, _diagnostics, At(m)));
            else _diagnostics.Error(At(item), $"each item of '{key}' must be a set of 'key: value' lines (e.g. {itemExample}), not a {item.KindName}");
        }
        return items.ToImmutable();
    }

    /// <summary>
    /// Keys no reader asked for: kept for templates. A key that looks like a typo of a known key
    /// is worth a warning, since the editor's intent is then silently lost.
    /// </summary>
    public ImmutableDictionary<string, object?> Rest()
    {
        var rest = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in _map.Entries)
        {
            if (_known.Contains(e.Key.Value)) continue;
            var suggestion = KeySuggester.Suggest(e.Key.Value, _known);
            if (suggestion is not null)
                _diagnostics.Warning(At(e.Key), $"unknown key '{e.Key.Value}': did you mean '{suggestion}'?", "unknown key in front matter");
            rest[e.Key.Value.ToLowerInvariant()] = ToPlain(e.Value);
        }
        return rest.ToImmutable();
    }

    private static object? ToPlain(YNode node) => node switch
    {
        YScalar { IsNull: true } => null,
        YScalar s => s.Value,
        YSequence seq => seq.Items.Select(ToPlain).ToList(),
        YMapping m => Plain(m),
        _ => null,
    };

    // A key given twice is already an error (FrontMatter reports it); here the last one stands
    // rather than the build crashing on it.
    private static Dictionary<string, object?> Plain(YMapping mapping)
    {
        var plain = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var e in mapping.Entries) plain[e.Key.Value.ToLowerInvariant()] = ToPlain(e.Value);
        return plain;
    }
}
