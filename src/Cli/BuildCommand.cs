using System.Globalization;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Diagnostics;
using CaseRecord.Output;
using Spectre.Console;

namespace CaseRecord.Cli;

/// <summary>Runs one build from the command line and reports it the way editors need.</summary>
public sealed class BuildCommand(TextWriter stdout, TextWriter stderr)
{
    public int Run(BuildOptions options, bool write)
    {
        // One build, then the process ends: nothing waits on a collection, so the collector need not
        // work beside the build and keep room for it to do so, which costs memory (bench/README.md).
        // The preview keeps the default: it answers requests.
        var mode = System.Runtime.GCSettings.LatencyMode;
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
        try
        {
            return Build(options, write);
        }
        finally
        {
            System.Runtime.GCSettings.LatencyMode = mode;
        }
    }

    private int Build(BuildOptions options, bool write)
    {
        if (!Directory.Exists(options.Root))
        {
            stderr.WriteLine($"error: project folder '{options.Root}' does not exist");
            return 2;
        }
        IContentSource project = new DiskContentSource(options.Root);
        string? outputDir = null;
        IOutputSink? sink = null;
        RecordingContentSource? recording = null;
        string? key = null;
        if (write)
        {
            // Settings are needed to know OutputPath; a cheap first read of statiq.json.
            var settings = SettingsLoader.Load(project, options.Settings, new Diagnostics.DiagnosticList());
            outputDir = options.OutputFolder(settings);
            var problem = OutputProblem(options.Root, outputDir)
                ?? (options.Output is null && !IsInside(options.Root, outputDir)
                    ? $"OutputPath '{settings.OutputPath}' in statiq.json leads outside the project; a folder outside it can only be given on the command line with -o"
                    : null);
            if (problem is not null)
            {
                stderr.WriteLine($"error: {problem}");
                return 2;
            }
            var root = options.Root;
            var disk = new DirectorySink(outputDir)
            {
                Completion = settings.SearchIndex ? staged => SearchIndexing.Of(settings).Indexer(stdout).Start(root, staged) : null,
            };
            sink = disk;
            // A build is a function of what it reads, the generator and the run's settings: when
            // none has changed and the output is as that build left it, the output is already right.
            key = BuildRecord.KeyFor(options.Settings, settings.SearchIndex ? Search.SearchIndexer.Identity(root) : "no search index");
            if (!options.Force && UpToDate(project, disk, outputDir, key) is { } last)
            {
                ReportUpToDate(last, outputDir, options);
                return 0;
            }
            project = recording = new RecordingContentSource(project);
        }
        var builder = new SiteBuilder(project, options.Settings);

        BuildResult result;
        try
        {
            result = BuildWithProgress(builder, sink);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file that changed or vanished mid-build, or an output folder that cannot be written.
            stderr.WriteLine($"error: the build could not finish: {e.Message}; the previous output is unchanged");
            return 1;
        }
        Report(result, write, outputDir, options, sink as DirectorySink);
        if (!result.Succeeded) return 1;
        if (recording is not null)
        {
            try
            {
                new BuildRecord(key!, recording.Answers, [.. result.Diagnostics.Where(d => d.IsWarning)], result.Stats.Pages, result.Stats.FilesWritten)
                    .Write(outputDir!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The site is built and in place; only the next build's shortcut is lost.
                stderr.WriteLine($"note: the build could not be recorded ({e.Message}); the next build will build everything");
            }
        }
        return 0;
    }

    /// <summary>The last build's record, when every answer it was built from is still the same and its output is intact.</summary>
    /// <remarks>The answers are asked first: after an edit they stop at the first that differs, while the output's listing is read whole (130,000 files at 10,000 articles).</remarks>
    private static BuildRecord? UpToDate(IContentSource project, DirectorySink output, string outputDir, string key) =>
        BuildRecord.Read(outputDir) is { } last && last.Key == key && RecordingContentSource.SameAnswers(project, last.Answers) && output.HoldsItsLastBuild()
            ? last : null;

    private void ReportUpToDate(BuildRecord last, string outputDir, BuildOptions options)
    {
        PrintDiagnostics(last.Warnings, options);
        stdout.WriteLine($"Up to date: {last.Pages} pages ({last.Files} files) in {Relative(outputDir)}, as the last build left them; no content, theme, setting or generator has changed since. " +
            $"0 errors, {Plural(last.Warnings.Count, "warning")}. (--force builds anyway)");
    }

    private static readonly string[] StageNames = ["load", "analyse", "index", "data", "render", "links", "write"];

    /// <summary>
    /// In a terminal, a live status line names the stage under way (a large record takes a
    /// while); redirected output (CI logs) gets no animation, only the summary with stage times.
    /// </summary>
    private BuildResult BuildWithProgress(SiteBuilder builder, IOutputSink? sink)
    {
        var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        if (!interactive) return builder.Build(sink);
        BuildResult? result = null;
        AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start("Loading content…", context =>
        {
            var progress = new SynchronousProgress(done =>
            {
                if (StatusAfter(done) is { } next) context.Status(next);
            });
            result = builder.Build(sink, progress: progress);
        });
        return result!;
    }

    /// <summary>The status line once a build to disk has finished <paramref name="stage"/>: the next stage; null after the last or for a stage it does not have.</summary>
    internal static string? StatusAfter(string stage)
    {
        var at = Array.IndexOf(StageNames, stage);
        return at < 0 || at + 1 == StageNames.Length ? null : $"{char.ToUpperInvariant(StageNames[at + 1][0])}{StageNames[at + 1][1..]}…";
    }

    /// <summary>Reports on the calling thread, at once (Progress&lt;T&gt; would post to a thread pool).</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }

    /// <summary>The output folder is replaced on every build, so it must never be the project or part of its content.</summary>
    public static string? OutputProblem(string root, string output)
    {
        var r = Path.GetFullPath(root).TrimEnd('/') + "/";
        var o = Path.GetFullPath(output).TrimEnd('/') + "/";
        if (r.StartsWith(o, StringComparison.Ordinal)) return $"the output folder '{output}' contains the project; choose a folder such as 'output'";
        foreach (var protectedFolder in new[] { "input", "seeds", "theme", "src", "tests", ".git" })
            if (o.StartsWith(r + protectedFolder + "/", StringComparison.Ordinal) || o == r + protectedFolder + "/")
                return $"the output folder '{output}' lies in the project's {protectedFolder}/ folder; choose a folder such as 'output'";
        return null;
    }

    private static bool IsInside(string root, string path) =>
        (Path.GetFullPath(path).TrimEnd('/') + "/").StartsWith(Path.GetFullPath(root).TrimEnd('/') + "/", StringComparison.Ordinal);

    private void Report(BuildResult result, bool write, string? outputDir, BuildOptions options, DirectorySink? disk)
    {
        PrintDiagnostics(result.Diagnostics, options);

        // Colour only for a person at a terminal; logs and tests get plain lines.
        var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 4096; // one summary line, never wrapped in logs
        var s = result.Stats;
        var seconds = s.Total.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var counts = $"{Plural(s.Articles, "article")}, {Plural(s.Figures, "figure")}, {Plural(s.Speakers, "speaker")}, {s.Quotes.Describe()}";
        var problems = $"{Plural(result.ErrorCount, "error")}, {Plural(result.WarningCount, "warning")}";
        if (!result.Succeeded)
            console.MarkupLine($"[red]Build failed[/]: {Markup.Escape(problems)}; {Markup.Escape(counts)}. Nothing was written; the previous output is unchanged. ({seconds} s)");
        else if (write)
            console.MarkupLine($"[green]Built[/] {s.Pages} pages ({s.FilesWritten} files) into {Markup.Escape(Relative(outputDir!))} in {seconds} s: {Markup.Escape(counts)}; {Markup.Escape(problems)}.");
        else
            console.MarkupLine($"[green]Checked[/] {s.Pages} pages in {seconds} s: {Markup.Escape(counts)}; {Markup.Escape(problems)}.");
        // A build that took a while, or one asked to be verbose, says where the time went.
        if (options.Verbose || s.Total > TimeSpan.FromSeconds(1))
            foreach (var (stage, time) in s.Stages)
                console.MarkupLine($"  {stage,-8} {time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture),8} ms");
        if (options.Verbose && result.Succeeded && disk is not null)
            console.MarkupLine($"  files: {disk.Counts.Written} written, {disk.Counts.Unchanged} unchanged, {disk.Counts.Removed} removed");
    }

    /// <summary>
    /// Every error; the warnings and notes whole when there are few or <c>--verbose</c> asks,
    /// otherwise a line a kind (see <see cref="WarningSummary"/>); and all of them to the
    /// <c>--warnings</c> file when one is given.
    /// </summary>
    private void PrintDiagnostics(IReadOnlyList<Diagnostic> diagnostics, BuildOptions options)
    {
        var summary = new WarningSummary(diagnostics);
        if (!summary.Summarised || options.Verbose)
            foreach (var d in diagnostics) stderr.WriteLine(d.ToString());
        else
        {
            foreach (var d in diagnostics.Where(d => d.IsError)) stderr.WriteLine(d.ToString());
            foreach (var line in summary.Lines()) stderr.WriteLine(line);
            stderr.WriteLine($"({summary.Described} in all: --verbose lists every one, --warnings FILE writes them to FILE)");
        }
        if (options.WarningsFile is not { } file) return;
        try
        {
            File.WriteAllLines(file, diagnostics.Select(d => d.ToString()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: the warnings could not be written to '{file}': {e.Message}");
        }
    }

    private static string Relative(string path)
    {
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel;
    }

    private static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";
}
