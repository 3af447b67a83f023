using System.CommandLine;
using CaseRecord.Building;
using CaseRecord.Preview;

namespace CaseRecord.Cli;

/// <summary>The command-line surface, Statiq's: build (default), check, preview, serve; and the editors' review, quotes.</summary>
public sealed class CommandLine(TextWriter stdout, TextWriter stderr)
{
    private readonly Option<string> _root = new("--root") { Description = "Project folder (default: the current folder)", DefaultValueFactory = _ => ".", Recursive = true };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Output folder (default: the OutputPath setting, 'output')", Recursive = true };
    private readonly Option<string[]> _settings = new("--setting", "-s") { Description = "Override a statiq.json setting for this run, KEY=VALUE", Recursive = true, AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Print time per stage, and every warning even when there are many", Recursive = true };
    private readonly Option<string?> _warnings = new("--warnings") { Description = "Write every warning (and error) to this file, one a line; the console summarises them when there are many", Recursive = true };
    private readonly Option<bool> _force = new("--force") { Description = "Build even when nothing has changed since the last build", Recursive = true };
    private readonly Option<int> _port = new("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 5080 };
    private readonly Option<string?> _virtualDir = new("--virtual-dir") { Description = "Serve the site under this path, e.g. /case-record" };
    private readonly Option<bool> _noWatch = new("--no-watch") { Description = "Do not rebuild when files change" };
    private readonly Option<bool> _noReload = new("--no-reload") { Description = "Do not inject the live-reload script" };
    private readonly Option<string> _format = new Option<string>("--format") { Description = "text (an aligned table, the default), csv or md", DefaultValueFactory = _ => "text" }
        .AcceptOnlyFromAmong(QuotesCommand.Formats);
    private readonly Option<bool> _unattributed = new("--unattributed") { Description = "Only the quotations the build could not attribute" };
    private readonly Option<string?> _speaker = new("--speaker") { Description = "Only the quotations of this speaker (a slug)" };
    private readonly Option<string?> _article = new("--article") { Description = "Only the quotations of this article (a slug)" };
    private readonly Option<string?> _slug = new("--slug") { Description = "The new article's slug (default: from the seed's file name, or its first words)" };
    private readonly Argument<string> _seed = new("seed") { Description = "The source text, e.g. seeds/council-vote.txt" };
    private readonly Argument<string> _name = new("name") { Description = "The full name, e.g. \"Sara Thornton\"" };

    public int Run(string[] args)
    {
        var root = new RootCommand("The case record: builds a cross-linked, source-checked site of articles, speakers and key figures.");
        root.Options.Add(_root);
        root.Options.Add(_output);
        root.Options.Add(_settings);
        root.Options.Add(_verbose);
        root.Options.Add(_force);
        root.Options.Add(_warnings);

        var build = new Command("build", "Build the site into the output folder (the default command)");
        var check = new Command("check", "Do everything a build does except writing: report errors and warnings");
        var preview = new Command("preview", "Build, serve on http://127.0.0.1:5080/ and rebuild on every change");
        var serve = new Command("serve", "Serve an existing output folder without building");
        var quotes = new Command("quotes", "List every quotation with its source and the evidence for it, for review; writes nothing");
        foreach (var o in new Option[] { _format, _unattributed, _speaker, _article }) quotes.Options.Add(o);
        foreach (var o in new Option[] { _port, _virtualDir, _noWatch, _noReload }) preview.Options.Add(o);
        serve.Options.Add(_port);
        serve.Options.Add(_virtualDir);
        root.Subcommands.Add(build);
        root.Subcommands.Add(check);
        root.Subcommands.Add(preview);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(quotes);
        root.Subcommands.Add(NewCommands());

        root.SetAction(r => RunBuild(r, write: true));
        build.SetAction(r => RunBuild(r, write: true));
        check.SetAction(r => RunBuild(r, write: false));
        preview.SetAction(r => WithOptions(r, options =>
            new PreviewCommand(stdout, stderr).Run(options, r.GetValue(_port), r.GetValue(_virtualDir), !r.GetValue(_noWatch), !r.GetValue(_noReload))));
        serve.SetAction(r => WithOptions(r, options => new PreviewCommand(stdout, stderr).Serve(options, r.GetValue(_port), r.GetValue(_virtualDir))));
        quotes.SetAction(RunQuotes);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine("Run 'dotnet run -- --help' for usage.");
            return 2;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary><c>new article SEED [--slug S]</c>, <c>new speaker NAME</c>, <c>new organisation NAME</c>.</summary>
    private Command NewCommands()
    {
        var article = new Command("article", "Draft input/articles/<slug>.md for a seed: source, sha256, a title to edit and the text's suggestions");
        article.Arguments.Add(_seed);
        article.Options.Add(_slug);
        article.SetAction(r => new NewCommand(stdout, stderr).Article(RootOf(r), r.GetValue(_seed)!, r.GetValue(_slug)));
        var speaker = new Command("speaker", "Write input/speakers/<slug>.md for a name");
        speaker.Arguments.Add(_name);
        speaker.SetAction(r => new NewCommand(stdout, stderr).Speaker(RootOf(r), r.GetValue(_name)!));
        var organisation = new Command("organisation", "Write input/organisations/<slug>.md for a name");
        organisation.Arguments.Add(_name);
        organisation.SetAction(r => new NewCommand(stdout, stderr).Organisation(RootOf(r), r.GetValue(_name)!));
        var command = new Command("new", "Start a new article, speaker or organisation file; never overwrites one");
        foreach (var c in new[] { article, speaker, organisation }) command.Subcommands.Add(c);
        return command;
    }

    private string RootOf(ParseResult r) => Path.GetFullPath(r.GetValue(_root) ?? ".");

    private BuildOptions Options(ParseResult r)
    {
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in r.GetValue(_settings) ?? [])
        {
            var eq = s.IndexOf('=');
            if (eq <= 0) throw new UsageException($"--setting '{s}' must be KEY=VALUE");
            overrides[s[..eq].Trim()] = s[(eq + 1)..];
        }
        return new BuildOptions(Path.GetFullPath(r.GetValue(_root) ?? "."), r.GetValue(_output), overrides, r.GetValue(_verbose)) { Force = r.GetValue(_force), WarningsFile = r.GetValue(_warnings) is { } w ? Path.GetFullPath(w) : null };
    }

    private int RunBuild(ParseResult r, bool write) => WithOptions(r, options => new BuildCommand(stdout, stderr).Run(options, write));

    private int RunQuotes(ParseResult r) => WithOptions(r, options =>
        new QuotesCommand(stdout, stderr).Run(options, new QuotesQuery(r.GetValue(_format) ?? "text", r.GetValue(_unattributed), r.GetValue(_speaker), r.GetValue(_article))));

    /// <summary>Runs a command with the options given, or says what is wrong with them (exit 2).</summary>
    private int WithOptions(ParseResult r, Func<BuildOptions, int> run)
    {
        BuildOptions options;
        try { options = Options(r); }
        catch (UsageException e) { stderr.WriteLine($"error: {e.Message}"); return 2; }
        return run(options);
    }
}

public sealed class UsageException(string message) : Exception(message);
