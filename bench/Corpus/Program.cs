// Makes a synthetic case record of N articles in our content format from the seed text, with a
// pool of speakers, varied numbers and figures (match, of, event); optionally the same texts as
// a Hugo site. Usage:
//   dotnet run --project bench/Corpus -c Release -- --articles 10000 --out /tmp/corpus [--hugo /tmp/hugo] [--speakers 300]
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
    var fm = new StringBuilder();
    fm.Append($"---\ntitle: Generated article {i + 1} about {s.Name}\nsource: seeds/{seedName}\nsha256: {sha}\npublisher: Oxford Mail\n");
    fm.Append($"published: {year:D4}-{month:D2}-{day:D2}\nsummary: A generated article for the benchmark.\nomit: [\"Our top stories\"]\nspeakers: [{s.Slug}]\nfigures:\n");
    void Figure(string id, string label, string match, string extra = "") =>
        fm.Append($"  - id: {id}-{i + 1}\n    label: {label}\n    match: \"{match}\"\n{extra}");
    Figure("report", "Report number", $"Report {i + 1} of", "    kind: count\n");
    Figure("recorded-contacts", "Recorded contacts", $"{contacts:#,0} recorded contacts");
    Figure("offences-recorded", "Offences recorded", $"{offences} offences recorded", $"    of: recorded-contacts-{i + 1}\n");
    Figure("recorded-crimes", "Recorded crimes", $"{offences} recorded crimes");
    Figure("abuse-began", "Abuse began", "two years after the abuse of the victims in the Bullfinch scandal began", "    kind: year\n    value: 2005\n    event: The abuse began.\n");
    Figure("case-collapsed", "Case collapsed", "in 2006 a case collapsed", "    kind: year\n    event: A case collapsed.\n");
    Figure("took-up-post", "Took up post", "chief constable in 2007", "    kind: year\n    event: Took up the post.\n");
    Figure("inadequate", "Inadequate until", "until 2010 what we did", "    kind: year\n    event: Response inadequate until then.\n");
    Figure("improvements", "Improvements since", "improvements made since 2011", "    kind: year\n    event: Improvements began.\n");
    Figure("apology", "Apology", "In 2013, I apologised", "    kind: year\n    event: Apology.\n");
    Figure("years-ago", "Years ago", "10 years ago", "    kind: duration\n");
    fm.Append("---\nA generated editor's note.\n");
    Write(Path.Combine(output, "input", "articles", slug + ".md"), fm.ToString());

    if (options.Hugo is { } hugo)
    {
        var body = text.Replace("\n\n", "\n\n");
        Write(Path.Combine(hugo, "content", "articles", slug + ".md"),
            $"---\ntitle: \"Generated article {i + 1} about {s.Name}\"\ndate: {year:D4}-{month:D2}-{day:D2}\nspeakers: [\"{s.Name}\"]\nfigures: [\"{contacts}\", \"{offences}\"]\n---\n{body}\n");
    }
}

if (options.Hugo is { } hugoRoot)
{
    Write(Path.Combine(hugoRoot, "hugo.toml"), "baseURL = 'http://example.org/'\ntitle = 'Synthetic case record'\ndisableKinds = ['RSS', 'sitemap', 'robotsTXT']\n[taxonomies]\n  speaker = 'speakers'\n");
    Write(Path.Combine(hugoRoot, "layouts", "_default", "baseof.html"), "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n");
    Write(Path.Combine(hugoRoot, "layouts", "_default", "single.html"), "{{ define \"main\" }}<article><h1>{{ .Title }}</h1>{{ range .Params.speakers }}<a href=\"{{ \"speakers/\" | relURL }}{{ . | urlize }}/\">{{ . }}</a>{{ end }}{{ .Content }}</article>{{ end }}\n");
    Write(Path.Combine(hugoRoot, "layouts", "_default", "list.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
    Write(Path.Combine(hugoRoot, "layouts", "_default", "terms.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
    Write(Path.Combine(hugoRoot, "layouts", "index.html"), "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
}
Console.WriteLine($"wrote {options.Articles} articles and {speakers.Length} speakers to {output}{(options.Hugo is null ? "" : $" and a Hugo site to {options.Hugo}")}");

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

sealed record Args(int Articles, string Out, string? Hugo, int Speakers)
{
    public static Args Parse(string[] args)
    {
        int articles = 10000, speakers = 300;
        string output = "bench/out/corpus";
        string? hugo = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--articles": articles = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--speakers": speakers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++i]; break;
                case "--hugo": hugo = Path.GetFullPath(args[++i]); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        return new Args(articles, output, hugo, speakers);
    }
}
