using CaseRecord.Content.Yaml;
using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

/// <summary>A Markdown file split into its YAML front matter and its body, with positions kept.</summary>
public sealed record FrontMatter(string Path, YMapping Meta, string Body, int BodyLine, int YamlLineOffset)
{
    public SourcePosition At(YNode node) => new(Path, node.Line + YamlLineOffset, node.Column);
    public SourcePosition FileStart => new(Path, 1, 1);

    /// <summary>Splits and parses a file's text. Returns null (with an error added) when it cannot be read.</summary>
    public static FrontMatter? Parse(string path, string text, DiagnosticList diagnostics)
    {
        text = TextNormaliser.Normalise(text);
        if (!(text.StartsWith("---\n", StringComparison.Ordinal) || text == "---"))
        {
            diagnostics.Error(new(path, 1, 1), "the file has no front matter: it must begin with a line '---', then YAML, then a closing '---'");
            return null;
        }
        var yamlStart = 4;
        var end = FindClosingFence(text, yamlStart);
        if (end < 0)
        {
            diagnostics.Error(new(path, 1, 1), "the front matter is not closed: add a line '---' after the last YAML key");
            return null;
        }
        var yaml = text[yamlStart..end];
        var afterFence = text.IndexOf('\n', end);
        var body = afterFence < 0 ? "" : text[(afterFence + 1)..];
        var bodyLine = 2 + CountLines(yaml) + 1;

        // YamlDotNet blames the enclosing mapping for a tab; point at the tab itself.
        var tab = FindIndentingTab(yaml);
        if (tab is { } t)
        {
            diagnostics.Error(new(path, t.Line + 1, t.Column), "malformed YAML: a tab is used for indentation; indent with spaces");
            return null;
        }
        var (root, error) = YamlTreeReader.Read(yaml);
        if (error is not null)
        {
            var lines = yaml.Split('\n');
            var hint = error.Line <= lines.Length ? ColonHint.ForLine(lines[error.Line - 1]) : "";
            diagnostics.Error(new(path, error.Line + 1, error.Column), $"malformed YAML: {error.Message}{hint}");
            return null;
        }
        if (root is YScalar { IsNull: true }) root = new YMapping([], 1, 1);
        if (root is not YMapping meta)
        {
            diagnostics.Error(new(path, root!.Line + 1, root.Column), $"the front matter must be a set of 'key: value' lines, not a {root.KindName}");
            return null;
        }
        var fm = new FrontMatter(path, meta, body, bodyLine, 1);
        fm.ReportDuplicateKeys(meta, diagnostics);
        return fm;
    }

    private static int FindClosingFence(string text, int from)
    {
        var i = from;
        while (i <= text.Length)
        {
            var nl = text.IndexOf('\n', i);
            var line = nl < 0 ? text[i..] : text[i..nl];
            if (line.TrimEnd() is "---" or "...") return i;
            if (nl < 0) return -1;
            i = nl + 1;
        }
        return -1;
    }

    private static (int Line, int Column)? FindIndentingTab(string yaml)
    {
        var line = 1;
        var column = 1;
        var atIndent = true;
        foreach (var c in yaml)
        {
            if (c == '\n') { line++; column = 1; atIndent = true; continue; }
            if (atIndent && c == '\t') return (line, column);
            if (c != ' ' && c != '-') atIndent = false;
            column++;
        }
        return null;
    }

    private static int CountLines(string s)
    {
        var n = 0;
        foreach (var c in s) if (c == '\n') n++;
        return n;
    }

    private void ReportDuplicateKeys(YMapping map, DiagnosticList diagnostics)
    {
        var seen = new Dictionary<string, YScalar>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in map.Entries)
        {
            if (seen.TryGetValue(entry.Key.Value, out var first))
                diagnostics.Error(At(entry.Key), $"duplicate key '{entry.Key.Value}' (first given at line {At(first).Line}); keys are case-insensitive, keep one");
            else
                seen[entry.Key.Value] = entry.Key;
            if (entry.Value is YMapping inner) ReportDuplicateKeys(inner, diagnostics);
            if (entry.Value is YSequence seq)
                foreach (var item in seq.Items)
                    if (item is YMapping m) ReportDuplicateKeys(m, diagnostics);
        }
    }
}
