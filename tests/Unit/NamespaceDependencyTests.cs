using System.Text;
using System.Text.RegularExpressions;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

/// <summary>
/// Holds the generator's namespaces to one direction, so that a stage never reaches up into a
/// later one and no two namespaces depend on each other. A file's uses are its <c>using</c>
/// directives and every qualified name (<c>Checks.LinkValidator</c>, <c>global::CaseRecord.Content.Slug</c>),
/// read from its code with comments and the text of strings taken out.
/// </summary>
public sealed partial class NamespaceDependencyTests
{
    private const string Program = "(program)";

    /// <summary>
    /// The namespaces each may use besides itself; a sub-namespace (Rendering.Pages, Analysis.Attribution)
    /// counts as its parent. From the bottom: Diagnostics and Output; Content ← Analysis ← Model ←
    /// Rendering ← Building ← Preview ← Cli; Checks and Search are leaves used from Building up;
    /// Authoring (the <c>new</c> command's drafts) reads as the analysis does and is used by Cli alone.
    /// </summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Diagnostics"] = [],
        ["Output"] = [],
        ["Content"] = ["Diagnostics", "Output"],
        ["Analysis"] = ["Diagnostics", "Output", "Content"],
        ["Model"] = ["Diagnostics", "Output", "Content", "Analysis"],
        ["Rendering"] = ["Diagnostics", "Output", "Content", "Analysis", "Model"],
        ["Checks"] = ["Diagnostics", "Output", "Content"],
        ["Search"] = ["Diagnostics", "Output"],
        ["Building"] = ["Diagnostics", "Output", "Content", "Analysis", "Model", "Rendering", "Checks", "Search"],
        ["Preview"] = ["Diagnostics", "Output", "Content", "Analysis", "Model", "Rendering", "Checks", "Search", "Building"],
        ["Authoring"] = ["Diagnostics", "Output", "Content", "Analysis"],
        ["Cli"] = ["Diagnostics", "Output", "Content", "Analysis", "Model", "Rendering", "Checks", "Search", "Building", "Preview", "Authoring"],
        [Program] = ["Cli"],
    };

    [Fact]
    public void Every_namespace_uses_only_the_namespaces_below_it()
    {
        var files = SourceFiles();
        Assert.NotEmpty(files);
        var unknown = files.Select(f => f.Namespace).Where(n => !Allowed.ContainsKey(n)).Distinct().ToList();
        Assert.True(unknown.Count == 0, $"namespaces missing from the table in this test: {string.Join(", ", unknown)}");

        var against = Violations(files).ToList();
        Assert.True(against.Count == 0, "uses against the direction of the namespaces:\n" + string.Join("\n", against));
    }

    [Fact]
    public void The_reader_finds_directives_and_qualified_names_but_not_comments_strings_or_members()
    {
        var types = new Dictionary<string, HashSet<string>> { ["Checks"] = ["LinkValidator"], ["Content"] = ["Fingerprint"], ["Analysis"] = ["Paragraph"] };
        var file = Read("src/Building/X.cs", """
            using CaseRecord.Diagnostics;
            using Alias = global::CaseRecord.Search.SearchIndexer;
            namespace CaseRecord.Building;
            // Rendering.Theme and CaseRecord.Preview in a comment are no use.
            /* neither is CaseRecord.Cli here */
            sealed class X
            {
                string A => "CaseRecord.Model in a string, Content.Fingerprint too";
                string B => $"{Checks.LinkValidator.Name} and {"CaseRecord.Cli"}";
                string C => $@"{{ {Content.Fingerprint.Of("//")} }}";
                int D => result.Analysis.Paragraph + Analysis.Count;
            }
            """, types);
        Assert.Equal("Building", file.Namespace);
        Assert.Equal(["Checks", "Content", "Diagnostics", "Search"], file.Uses.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Program, Read("src/Program.cs", "using CaseRecord.Cli;\nreturn 0;", types).Namespace);
        Assert.Equal("Rendering", Read("src/Rendering/Pages/A.cs", "namespace CaseRecord.Rendering.Pages;\n", types).Namespace);
    }

    private sealed record SourceFile(string Path, string Namespace, IReadOnlyDictionary<string, string> Uses);

    private static IEnumerable<string> Violations(IReadOnlyList<SourceFile> files) =>
        from f in files
        from use in f.Uses
        where use.Key != f.Namespace && !(Allowed.TryGetValue(f.Namespace, out var ok) && ok.Contains(use.Key))
        orderby f.Path, use.Key
        select $"{f.Path}: {f.Namespace} → {use.Key} ({use.Value})";

    private static List<SourceFile> SourceFiles()
    {
        var src = Path.Combine(Repo.Root, "src");
        var texts = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(p => (Path: Path.GetRelativePath(Repo.Root, p).Replace('\\', '/'), Code: Code(File.ReadAllText(p))))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        // The names each namespace declares, so that 'Content.Fingerprint' is known for a type
        // and 'result.Diagnostics.Count' or 'literal.Content.ToString()' is not taken for one.
        var types = new Dictionary<string, HashSet<string>>();
        foreach (var (_, code) in texts)
        {
            var ns = NamespaceOf(code, out var full);
            if (ns == Program) continue;
            var names = types.TryGetValue(ns, out var had) ? had : types[ns] = [];
            foreach (Match m in TypeDeclaration().Matches(code)) names.Add(m.Groups[1].Value);
            // A sub-namespace may be named through its parent: Content.Yaml.YamlTree.
            var parts = full.Split('.');
            if (parts.Length > 2) names.Add(parts[2]);
        }
        return [.. texts.Select(t => Read(t.Path, t.Code, types, alreadyCode: true))];
    }

    private static SourceFile Read(string path, string text, IReadOnlyDictionary<string, HashSet<string>> types, bool alreadyCode = false)
    {
        var code = alreadyCode ? text : Code(text);
        var ns = NamespaceOf(code, out _);
        var uses = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Use(string target, string how) => uses.TryAdd(target, how);
        var body = NamespaceDeclaration().Replace(code, "");
        foreach (Match m in Qualified().Matches(body)) Use(m.Groups[1].Value, m.Value.Trim());
        if (ns != Program)
            foreach (Match m in Short().Matches(body))
                if (types.TryGetValue(m.Groups[1].Value, out var names) && names.Contains(m.Groups[2].Value))
                    Use(m.Groups[1].Value, m.Value);
        return new SourceFile(path, ns, uses);
    }

    /// <summary>The top namespace under CaseRecord a file declares (Content for CaseRecord.Content.Yaml), or <see cref="Program"/> for top-level statements.</summary>
    private static string NamespaceOf(string code, out string full)
    {
        var m = NamespaceDeclaration().Match(code);
        full = m.Success ? m.Groups[1].Value : "";
        return m.Success ? full.Split('.')[1] : Program;
    }

    [GeneratedRegex(@"^\s*namespace\s+(CaseRecord(?:\.\w+)+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    // Directives and full names alike: 'using CaseRecord.X;', 'CaseRecord.X.Y', 'global::CaseRecord.X.Y'.
    [GeneratedRegex(@"(?<![\w.])(?:global::)?CaseRecord\.(\w+)")]
    private static partial Regex Qualified();

    // A name qualified from inside CaseRecord: 'Checks.LinkValidator' (checked against the declared names).
    [GeneratedRegex(@"(?<![\w.])(\w+)\.(\w+)")]
    private static partial Regex Short();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    /// <summary>The code of a C# file: comments removed, the text of string and character literals blanked, interpolation holes kept.</summary>
    private static string Code(string text)
    {
        var into = new StringBuilder(text.Length);
        var i = 0;
        Scan(text, ref i, into, inHole: false);
        return into.ToString();
    }

    private static void Scan(string s, ref int i, StringBuilder into, bool inHole)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (c == '/' && next == '/') { while (i < s.Length && s[i] != '\n') i++; continue; }
            if (c == '/' && next == '*')
            {
                var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? s.Length : end + 2;
                continue;
            }
            if (c == '\'') { SkipChar(s, ref i); into.Append(" ' "); continue; }
            if (c is '"' or '$' or '@' && StringStart(s, i) is { } start) { ScanString(s, ref i, start, into); continue; }
            if (c == '{') depth++;
            if (c == '}' && depth-- == 0 && inHole) { i++; return; }
            into.Append(c);
            i++;
        }
    }

    private readonly record struct StringKind(int Dollars, bool Verbatim, int Quotes, int Length);

    /// <summary>The kind of the string literal starting at <paramref name="i"/> (<c>"</c>, <c>$"</c>, <c>@"</c>, <c>$@"</c>, <c>"""</c>, <c>$$"""</c>), or null.</summary>
    private static StringKind? StringStart(string s, int i)
    {
        var j = i;
        var dollars = 0;
        var verbatim = false;
        while (j < s.Length && (s[j] == '$' || s[j] == '@'))
        {
            if (s[j] == '$') dollars++; else verbatim = true;
            j++;
        }
        if (j >= s.Length || s[j] != '"') return null;
        // A '$' or '@' right after a name is not a string's prefix (there is no such C#, but be safe).
        if (j > i && i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '_')) return null;
        var quotes = 0;
        while (j + quotes < s.Length && s[j + quotes] == '"') quotes++;
        // "" is an empty string, not the start of a raw one; a verbatim string is never raw (@"""" is one quote).
        if (quotes < 3 || verbatim) quotes = 1;
        return new StringKind(dollars, verbatim, quotes, j - i + quotes);
    }

    private static void ScanString(string s, ref int i, StringKind kind, StringBuilder into)
    {
        into.Append(" \"");
        i += kind.Length;
        var close = new string('"', kind.Quotes);
        var holeBraces = Math.Max(kind.Dollars, 1);
        while (i < s.Length)
        {
            if (kind.Quotes == 1 && !kind.Verbatim && s[i] == '\\') { i += 2; continue; }
            if (kind.Quotes == 1 && kind.Verbatim && s[i] == '"' && i + 1 < s.Length && s[i + 1] == '"') { i += 2; continue; }
            if (string.CompareOrdinal(s, i, close, 0, close.Length) == 0) { i += close.Length; break; }
            if (kind.Quotes == 1 && kind.Dollars > 0 && s[i] == '{' && i + 1 < s.Length && s[i + 1] == '{') { i += 2; continue; }
            if (kind.Dollars > 0 && s[i] == '{')
            {
                var run = 0;
                while (i + run < s.Length && s[i + run] == '{') run++;
                if (run >= holeBraces)
                {
                    i += run;
                    into.Append(" {");
                    Scan(s, ref i, into, inHole: true);
                    into.Append("} ");
                    continue;
                }
            }
            if (s[i] == '\n') into.Append('\n');
            i++;
        }
        into.Append("\" ");
    }

    private static void SkipChar(string s, ref int i)
    {
        i++;
        while (i < s.Length && s[i] != '\'' && s[i] != '\n') i += s[i] == '\\' ? 2 : 1;
        i++;
    }
}
