// Makes a synthetic case record of N articles in our content format from the seed text, with a
// pool of speakers, varied numbers and figures (match, of, event); optionally the same texts as
// a Hugo site. Usage:
//   dotnet run --project bench/Corpus -c Release -- --articles 10000 --out /tmp/corpus [--hugo /tmp/hugo] [--hugo-pages /tmp/hugo-pages] [--hugo-simple /tmp/hugo-simple] [--speakers 300] [--figures 11]
// --figures N (1-11, default 11) gives each article only the first N key figures.
// --hugo-pages makes a second Hugo site that also has a page for every key figure, with its
// paragraph, its facts and the first twelve other figures of the same value (from a data file, so
// Hugo looks them up as cheaply as we do): the same pages as ours, as near as Hugo's model allows.
// --hugo-simple makes the same pages with the simplest templates that show the same facts: a page
// per key figure with its paragraph and article link, and no look-ups in a data file.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

var options = Args.Parse(args);
var repo = FindRepo();
var seed = File.ReadAllText(Path.Combine(repo, "seeds", "000_fbf6e240cee8247d.txt"));
var output = Path.GetFullPath(options.Out);
if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
Directory.CreateDirectory(output);
Copy(Path.Combine(repo, "theme"), Path.Combine(output, "theme"));
foreach (var f in Directory.EnumerateFiles(Path.Combine(repo, "input", "organisations")))
    Write(Path.Combine(output, "input", "organisations", Path.GetFileName(f)), File.ReadAllText(f));
Write(Path.Combine(output, "statiq.json"), """
{
  "SiteTitle": "Synthetic case record",
  "SiteDescription": "A generated corpus for benchmarks.",
  "LinkHideIndexPages": false
}
""");

string[] first = ["Alex", "Sam", "Jo", "Priya", "Tom", "Aisha", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hari", "Isla", "Jack", "Kemi", "Liam", "Maya", "Noah", "Olu"];
string[] last = ["Morgan", "Shah", "Baker", "Okafor", "Reid", "Hughes", "Patel", "Evans", "Walsh", "Kaur", "Doyle", "Price", "Lloyd", "Nash", "Quinn", "Rowe", "Stone", "Tate", "Vance", "Wynne"];
var figurePages = new List<FigurePage>();
var speakers = Enumerable.Range(0, options.Speakers).Select(i =>
{
    var name = $"{first[i % first.Length]} {last[i / first.Length % last.Length]}{(i >= first.Length * last.Length ? (i / (first.Length * last.Length) + 1).ToString(CultureInfo.InvariantCulture) : "")}";
    var surname = name.Split(' ')[1];
    return (Slug: Slugify(name), Name: name, Surname: surname);
}).ToArray();
foreach (var s in speakers)
    Write(Path.Combine(output, "input", "speakers", s.Slug + ".md"),
        $"---\nname: {s.Name}\nrole: Chief Constable\norganisation: thames-valley-police\naliases: [Ms {s.Surname}]\n---\nA generated speaker.\n");

for (var i = 0; i < options.Articles; i++)
{
    var s = speakers[i % speakers.Length];
    var contacts = 1000 + i * 37 % 9000;
    var offences = 10 + i % 80;
    var text = seed
        .Replace("Sara Thornton", s.Name)
        .Replace("Ms Thornton", "Ms " + s.Surname)
        .Replace("1,561", contacts.ToString("#,0", CultureInfo.InvariantCulture))
        .Replace("26 offences", $"{offences} offences")
        .Replace("There were 26 recorded crimes", $"There were {offences} recorded crimes");
    text = $"Report {i + 1} of the generated record.\n\n" + text;
    var seedName = $"a{i:D6}.txt";
    var bytes = Encoding.UTF8.GetBytes(text);
    Write(Path.Combine(output, "seeds", seedName), text);
    var slug = $"article-{i + 1:D6}";
    var year = 2000 + i % 25;
    var month = 1 + i % 12;
    var day = 1 + i % 28;
    var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
    var title = $"Generated article {i + 1} about {s.Name}";
    var fm = new StringBuilder();
    fm.Append($"---\ntitle: {title}\nsource: seeds/{seedName}\nsha256: {sha}\npublisher: Oxford Mail\n");
    fm.Append($"published: {year:D4}-{month:D2}-{day:D2}\nsummary: A generated article for the benchmark.\nomit: [\"Our top stories\"]\nspeakers: [{s.Slug}]\nfigures:\n");
    var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
    // A kind left out is a count; a value is written only where the words state none.
    var made = 0;
    // --figures N keeps the first N (the issue's corpus had three an article).
    void Figure(string id, string label, string match, string value, string? kind = null, string? @event = null, string? of = null, bool valueGiven = false)
    {
        if (made++ >= options.Figures) return;
        fm.Append($"  - id: {id}-{i + 1}\n    label: {label}\n    match: \"{match}\"\n");
        if (of is not null) fm.Append($"    of: {of}-{i + 1}\n");
        if (kind is not null) fm.Append($"    kind: {kind}\n");
        if (valueGiven) fm.Append($"    value: {value}\n");
        if (@event is not null) fm.Append($"    event: {@event}\n");
        if (options.HugoPages is null && options.HugoSimple is null) return;
        var p = Array.FindIndex(paragraphs, x => x.Contains(match, StringComparison.Ordinal));
        figurePages.Add(new FigurePage($"{id}-{i + 1}", label, value, kind ?? "count", @event, match, paragraphs[p], p + 1, slug, title, s.Name));
    }
    Figure("report", "Report number", $"Report {i + 1} of", $"{i + 1}", kind: "count");
    Figure("recorded-contacts", "Recorded contacts", $"{contacts:#,0} recorded contacts", $"{contacts:#,0}");
    Figure("offences-recorded", "Offences recorded", $"{offences} offences recorded", $"{offences}", of: "recorded-contacts");
    Figure("recorded-crimes", "Recorded crimes", $"{offences} recorded crimes", $"{offences}");
    Figure("abuse-began", "Abuse began", "two years after the abuse of the victims in the Bullfinch scandal began", "2005", "year", "The abuse began.", valueGiven: true);
    Figure("case-collapsed", "Case collapsed", "in 2006 a case collapsed", "2006", "year", "A case collapsed.");
    Figure("took-up-post", "Took up post", "chief constable in 2007", "2007", "year", "Took up the post.");
    Figure("inadequate", "Inadequate until", "until 2010 what we did", "2010", "year", "Response inadequate until then.");
    Figure("improvements", "Improvements since", "improvements made since 2011", "2011", "year", "Improvements began.");
    Figure("apology", "Apology", "In 2013, I apologised", "2013", "year", "Apology.");
    Figure("years-ago", "Years ago", "10 years ago", "10 years", "duration");
    fm.Append("---\nA generated editor's note.\n");
    Write(Path.Combine(output, "input", "articles", slug + ".md"), fm.ToString());

    foreach (var hugo in new[] { options.Hugo, options.HugoPages, options.HugoSimple })
        if (hugo is not null)
            Write(Path.Combine(hugo, "content", "articles", slug + ".md"),
                $"---\ntitle: \"{title}\"\ndate: {year:D4}-{month:D2}-{day:D2}\nspeakers: [\"{s.Name}\"]\nfigures: [\"{contacts}\", \"{offences}\"]\n---\n{text}\n");
}

foreach (var hugoRoot in new[] { options.Hugo, options.HugoPages, options.HugoSimple }.OfType<string>())
{
    Write(Path.Combine(hugoRoot, "hugo.toml"), "baseURL = 'http://example.org/'\ntitle = 'Synthetic case record'\ndisableKinds = ['RSS', 'sitemap', 'robotsTXT']\n[taxonomies]\n  speaker = 'speakers'\n");
    Write(Path.Combine(hugoRoot, "layouts", "_default", "baseof.html"), "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n");
    Write(Path.Combine(hugoRoot, "layouts", "_default", "single.html"), "{{ define \"main\" }}<article><h1>{{ .Title }}</h1>{{ range .Params.speakers }}<a href=\"{{ \"speakers/\" | relURL }}{{ . | urlize }}/\">{{ . }}</a>{{ end }}{{ .Content }}</article>{{ end }}\n");
    Write(Path.Combine(hugoRoot, "layouts", "_default", "list.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
    Write(Path.Combine(hugoRoot, "layouts", "_default", "terms.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
    Write(Path.Combine(hugoRoot, "layouts", "index.html"), "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
}
foreach (var (pagesRoot, lookups) in new[] { (options.HugoPages, true), (options.HugoSimple, false) })
{
    if (pagesRoot is null) continue;
    static string Quoted(string text) => System.Text.Json.JsonSerializer.Serialize(text);
    // A value more figures share than a figure's page lists (five besides itself) has a page of its
    // own, as ours does (values/NAME/): here a term of a "values" taxonomy, paged 200 to a page.
    var sizes = figurePages.GroupBy(f => f.Value).ToDictionary(g => g.Key, g => g.Count());
    static string ValueName(FigurePage f) => $"{f.Kind}-{f.Value}".ToLowerInvariant().Replace(",", "").Replace(' ', '-');
    foreach (var f in figurePages)
        Write(Path.Combine(pagesRoot, "content", "figures", f.Id + ".md"),
            $"---\ntitle: {Quoted(f.Label)}\nid: {Quoted(f.Id)}\nvalue: {Quoted(f.Value)}\nkind: {f.Kind}\n{(f.Event is null ? "" : $"event: {Quoted(f.Event)}\n")}" +
            $"match: {Quoted(f.Match)}\nparagraph: {Quoted(f.Paragraph)}\nparagraphNumber: {f.Number}\narticle: {f.ArticleSlug}\narticleTitle: {Quoted(f.ArticleTitle)}\nspeaker: {Quoted(f.Speaker)}\n" +
            (sizes[f.Value] > 6 ? $"values: [{Quoted(ValueName(f))}]\nvalueName: {Quoted(ValueName(f))}\n" : "") + "---\n");
    Write(Path.Combine(pagesRoot, "hugo.toml"), "baseURL = 'http://example.org/'\ntitle = 'Synthetic case record'\ndisableKinds = ['RSS', 'sitemap', 'robotsTXT']\n[taxonomies]\n  speaker = 'speakers'\n  value = 'values'\n");
    Write(Path.Combine(pagesRoot, "layouts", "values", "term.html"),
        "{{ define \"main\" }}<h1>Figures with the value {{ .Title }}</h1><table><tbody>{{ range (.Paginate .Pages 200).Pages }}<tr><th scope=\"row\"><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></th><td>{{ .Params.value }}</td><td><a href=\"{{ printf \"/articles/%s/\" .Params.article | relURL }}#p{{ .Params.paragraphNumber }}\">Paragraph {{ .Params.paragraphNumber }}</a> of <a href=\"{{ printf \"/articles/%s/\" .Params.article | relURL }}\">{{ .Params.articleTitle }}</a></td></tr>{{ end }}</tbody></table>{{ template \"_internal/pagination.html\" . }}{{ end }}\n");
    // Each value's first six figures (a page lists five besides itself) and its total.
    var groups = figurePages.GroupBy(f => f.Value).ToDictionary(g => g.Key, g => new
    {
        total = g.Count(),
        first = g.OrderBy(f => f.Id, StringComparer.Ordinal).Take(6)
            .Select(f => new { id = f.Id, title = f.Label, value = f.Value, @event = f.Event, article = f.ArticleSlug, articleTitle = f.ArticleTitle, paragraph = f.Number }),
    });
    if (lookups) Write(Path.Combine(pagesRoot, "data", "values.json"), System.Text.Json.JsonSerializer.Serialize(groups));
    // The simplest page that shows the same facts: the figure, its paragraph and its article.
    if (!lookups) Write(Path.Combine(pagesRoot, "layouts", "figures", "single.html"), """
        {{ define "main" }}<article><header><p>{{ .Params.value }}</p><h1>{{ .Title }}</h1>{{ with .Params.event }}<p>{{ . }}</p>{{ end }}</header>
        <section><h2>In the source</h2><blockquote><p>{{ .Params.paragraph }}</p></blockquote>
        <p>“{{ .Params.match }}”: <a href="{{ printf "/articles/%s/" .Params.article | relURL }}#p{{ .Params.paragraphNumber }}">Paragraph {{ .Params.paragraphNumber }}</a> of <a href="{{ printf "/articles/%s/" .Params.article | relURL }}">{{ .Params.articleTitle }}</a>, said by <a href="{{ printf "/speakers/%s/" (.Params.speaker | urlize) | relURL }}">{{ .Params.speaker }}</a></p></section></article>{{ end }}

        """);
    else Write(Path.Combine(pagesRoot, "layouts", "figures", "single.html"), """
        {{ define "main" }}<article><header><p>{{ .Params.value }}</p><h1>{{ .Title }}</h1>{{ with .Params.event }}<p>{{ . }}</p>{{ end }}</header>
        <section><h2>In the source</h2><blockquote><p>{{ .Params.paragraph }}</p></blockquote>
        <dl><dt>Words that state it</dt><dd>“{{ .Params.match }}”</dd><dt>Where</dt><dd><a href="{{ printf "/articles/%s/" .Params.article | relURL }}#p{{ .Params.paragraphNumber }}">Paragraph {{ .Params.paragraphNumber }}</a> of <a href="{{ printf "/articles/%s/" .Params.article | relURL }}">{{ .Params.articleTitle }}</a></dd>
        <dt>Said by</dt><dd><a href="{{ printf "/speakers/%s/" (.Params.speaker | urlize) | relURL }}">{{ .Params.speaker }}</a></dd><dt>Kind</dt><dd>{{ .Params.kind }}</dd></dl></section>
        {{ $group := index site.Data.values .Params.value }}<section><h2>Other figures with the same value</h2><ul>
        {{ range first 5 (where $group.first "id" "ne" $.Params.id) }}<li><a href="{{ printf "/figures/%s/" .id | relURL }}">{{ .title }}</a>: <a href="{{ printf "/articles/%s/" .article | relURL }}#p{{ .paragraph }}">Paragraph {{ .paragraph }}</a> of <a href="{{ printf "/articles/%s/" .article | relURL }}">{{ .articleTitle }}</a></li>{{ end }}
        </ul>{{ with .Params.valueName }}<p>These are 5 of the {{ sub $group.total 1 }} others: <a href="{{ printf "/values/%s/" . | relURL }}">every figure with this value</a>.</p>{{ end }}</section></article>{{ end }}

        """);
    // Our figure list is paged 200 to a page; so is Hugo's.
    Write(Path.Combine(pagesRoot, "layouts", "figures", "list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages 200).Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Params.value }}</li>{{ end }}</ul>{{ template \"_internal/pagination.html\" . }}{{ end }}\n");
    // The home page lists the articles only, as ours lists a few of each kind.
    Write(Path.Combine(pagesRoot, "layouts", "index.html"), "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1><ul>{{ range where .Site.RegularPages \"Section\" \"articles\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
}
Console.WriteLine($"wrote {options.Articles} articles and {speakers.Length} speakers to {output}{(options.Hugo is null ? "" : $" and a Hugo site to {options.Hugo}")}{(options.HugoPages is null ? "" : $" and a Hugo site with figure pages to {options.HugoPages}")}{(options.HugoSimple is null ? "" : $" and one with the simplest figure pages to {options.HugoSimple}")}");

static void Write(string path, string text)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, text);
}

static void Copy(string from, string to)
{
    foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(to, Path.GetRelativePath(from, f));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(f, target);
    }
}

static string Slugify(string name) => string.Join('-', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

static string FindRepo()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Site.csproj"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
}

sealed record FigurePage(string Id, string Label, string Value, string Kind, string? Event, string Match, string Paragraph, int Number,
    string ArticleSlug, string ArticleTitle, string Speaker);

sealed record Args(int Articles, string Out, string? Hugo, int Speakers, string? HugoPages = null, string? HugoSimple = null, int Figures = 11)
{
    public static Args Parse(string[] args)
    {
        int articles = 10000, speakers = 300, figures = 11;
        string output = "bench/out/corpus";
        string? hugo = null, hugoPages = null, hugoSimple = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--articles": articles = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--speakers": speakers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++i]; break;
                case "--figures": figures = Math.Clamp(int.Parse(args[++i], CultureInfo.InvariantCulture), 1, 11); break;
                case "--hugo": hugo = Path.GetFullPath(args[++i]); break;
                case "--hugo-pages": hugoPages = Path.GetFullPath(args[++i]); break;
                case "--hugo-simple": hugoSimple = Path.GetFullPath(args[++i]); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        return new Args(articles, output, hugo, speakers, hugoPages, hugoSimple, figures);
    }
}
