using CaseRecord.Building;
using CaseRecord.Cli;
using CaseRecord.Content;
using CaseRecord.Output;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Cli;

/// <summary>
/// A build whose inputs, settings and generator are all as the last build found them, and whose
/// output is as that build left it, leaves the output alone; any change at all builds again.
/// </summary>
public sealed class UpToDateTests
{
    private const string Article = "input/articles/thornton-refuses-responsibility.md";

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = new CommandLine(stdout, stderr).Run(args);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (int Code, string Out, string Err) Build(TempProject project, params string[] more) =>
        Run(["build", "--root", project.Root, "-s", "SearchIndex=false", .. more]);

    private static void AssertBuilt((int Code, string Out, string Err) run)
    {
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains(run.Out.Split('\n'), line => line.StartsWith("Built ", StringComparison.Ordinal));
    }

    private static void AssertUpToDate((int Code, string Out, string Err) run)
    {
        Assert.True(run.Code == 0, run.Err);
        Assert.StartsWith("Up to date: 25 pages (", run.Out);
    }

    [Fact]
    public void An_unchanged_project_leaves_the_output_alone_and_repeats_its_warnings()
    {
        using var project = new TempProject(Repo.Root);
        // A warning to repeat: a misspelt setting.
        File.WriteAllText(project.PathOf("statiq.json"), File.ReadAllText(project.PathOf("statiq.json")).Replace("\"Host\"", "\"SiteTitel\": \"x\",\n  \"Host\""));
        var first = Build(project);
        AssertBuilt(first);
        Assert.Contains("warning: unknown setting 'SiteTitel'", first.Err);
        var before = TempProject.Snapshot(project.PathOf("output"));

        var second = Build(project);

        AssertUpToDate(second);
        Assert.Contains("1 warning.", second.Out);
        Assert.Equal(first.Err, second.Err);
        var after = TempProject.Snapshot(project.PathOf("output"));
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, (bytes, written)) in before)
        {
            Assert.Equal(bytes, after[path].Bytes);
            Assert.Equal(written, after[path].Written);
        }
    }

    [Fact]
    public void A_note_is_printed_by_the_build_that_reads_the_file_and_neither_counted_nor_repeated_as_a_warning()
    {
        using var project = new TempProject(Repo.Root);
        project.Write("seeds/lines.txt", "The council met on Tuesday.\nIt decided nothing.\n");
        project.Write("input/articles/lines.md", "---\ntitle: Lines\nsource: seeds/lines.txt\n---\n");
        const string note = "seeds/lines.txt:1:1: note: this text has no blank lines, so each of its 2 lines is a paragraph";

        var first = Build(project);
        AssertBuilt(first);
        Assert.Contains(note, first.Err.Split('\n'));
        Assert.Contains("0 warnings.", first.Out);

        var second = Build(project);
        Assert.True(second.Code == 0, second.Err);
        Assert.StartsWith("Up to date:", second.Out);
        Assert.Contains("0 warnings.", second.Out);
        Assert.DoesNotContain("note:", second.Err);
    }

    public static TheoryData<string> Changes => ["article", "new theme file", "layout", "seed", "setting", "force", "other output"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_change_to_what_the_build_reads_or_is_told_builds_again(string change)
    {
        using var project = new TempProject(Repo.Root);
        AssertBuilt(Build(project));
        AssertUpToDate(Build(project));
        string[] more = [];
        switch (change)
        {
            case "article": File.AppendAllText(project.PathOf(Article), "\n"); break;
            case "new theme file": project.Write("theme/assets/extra.css", "p { }"); break;
            case "layout": File.AppendAllText(project.PathOf("theme/layouts/article.sbn"), "\n"); break;
            case "seed": File.AppendAllText(Directory.EnumerateFiles(project.PathOf("seeds")).Single(), " "); break;
            case "setting": more = ["-s", "SiteTitle=Another title"]; break;
            case "force": more = ["--force"]; break;
            case "other output": more = ["-o", project.PathOf("elsewhere")]; break;
        }
        var run = Build(project, more);
        // The seed's hash is in the article's metadata, so the build runs and fails, as it must.
        if (change == "seed") Assert.Contains("error: sha256 does not match", run.Err);
        else AssertBuilt(run);
    }

    public static TheoryData<string> Tampering => ["edited", "deleted", "added", "copied over with its old time"];

    [Theory]
    [MemberData(nameof(Tampering))]
    public void An_output_changed_by_hand_is_built_again_whole(string how)
    {
        using var project = new TempProject(Repo.Root);
        AssertBuilt(Build(project));
        var built = TempProject.Snapshot(project.PathOf("output"));
        var page = project.PathOf("output/speakers/sara-thornton/index.html");
        switch (how)
        {
            case "edited": File.AppendAllText(page, "<script>changed</script>"); break;
            case "deleted": File.Delete(page); break;
            case "added": project.Write("output/speakers/someone/index.html", "not ours"); break;
            case "copied over with its old time":
                // As 'cp -p' or 'rsync -t' leave a file: another of the same size, with the time the page had.
                var time = File.GetLastWriteTimeUtc(page);
                var bytes = File.ReadAllBytes(page);
                bytes[^2] = (byte)(bytes[^2] == (byte)'x' ? 'y' : 'x');
                File.WriteAllBytes(page, bytes);
                File.SetLastWriteTimeUtc(page, time);
                break;
        }

        AssertBuilt(Build(project));

        var after = TempProject.Snapshot(project.PathOf("output"));
        Assert.Equal(built.Keys, after.Keys);
        Assert.Equal(built[Path.Combine("speakers", "sara-thornton", "index.html")].Bytes, after[Path.Combine("speakers", "sara-thornton", "index.html")].Bytes);
        AssertUpToDate(Build(project));
    }

    [Fact]
    public void A_failed_build_keeps_the_last_good_output_which_is_up_to_date_again_once_the_change_is_undone()
    {
        using var project = new TempProject(Repo.Root);
        AssertBuilt(Build(project));
        var text = File.ReadAllText(project.PathOf(Article));
        File.WriteAllText(project.PathOf(Article), text.Replace("speakers: [sara-thornton]", "speakers: [sara-thornton, nobody]"));
        Assert.Equal(1, Build(project).Code);
        File.WriteAllText(project.PathOf(Article), text);
        AssertUpToDate(Build(project));
    }

    [Fact]
    public void With_a_search_index_an_unchanged_project_is_up_to_date_too()
    {
        using var project = new TempProject(Repo.Root);
        var first = Run("build", "--root", project.Root);
        AssertBuilt(first);
        AssertUpToDate(Run("build", "--root", project.Root));
        // The index the search tool wrote is part of what the output holds.
        if (first.Out.Contains("search: indexed", StringComparison.Ordinal))
            Assert.Contains("pagefind/", File.ReadAllText(Path.Combine(DirectorySink.NotesFolder(project.PathOf("output")), DirectorySink.ManifestName)));
    }

    [Fact]
    public void The_output_folder_holds_only_the_site_and_the_build_notes_are_beside_it()
    {
        using var project = new TempProject(Repo.Root);
        AssertBuilt(Build(project));
        var memory = new MemorySink();
        Assert.True(new SiteBuilder(new DiskContentSource(project.Root), new Dictionary<string, string> { ["SearchIndex"] = "false" }).Build(memory).Succeeded);
        Assert.Equal(memory.Files.Keys.Order(StringComparer.Ordinal), TempProject.Snapshot(project.PathOf("output")).Keys.Select(k => k.Replace('\\', '/')).Order(StringComparer.Ordinal));
        // The notes, which list the project's files, are in a folder of their own beside it, which hosts do not publish.
        var notes = project.PathOf(".output.case-record");
        Assert.Equal(DirectorySink.NotesFolder(project.PathOf("output")), notes);
        Assert.Equal(new[] { BuildRecord.FileName, DirectorySink.MarkerName, DirectorySink.ManifestName }.Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(notes).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("input/articles/thornton-refuses-responsibility.md", File.ReadAllText(Path.Combine(notes, BuildRecord.FileName)));
        AssertUpToDate(Build(project));
    }

    [Fact]
    public void The_record_notes_every_question_and_a_question_answered_two_ways_is_never_the_same_again()
    {
        var project = new MemoryContentSource().Add("input/a.md", "a").Add("input/b.md", "b");
        var recording = new RecordingContentSource(project);
        Assert.Equal(new[] { "input/a.md", "input/b.md" }, recording.ListFiles("input", ".md"));
        Assert.Equal("a"u8.ToArray(), recording.ReadAllBytes("input/a.md"));
        Assert.False(recording.FileExists("input/c.md"));
        var answers = new Dictionary<string, string>(recording.Answers);
        Assert.Equal(3, answers.Count);
        Assert.True(RecordingContentSource.SameAnswers(project, answers));

        Assert.False(RecordingContentSource.SameAnswers(new MemoryContentSource().Add("input/a.md", "A").Add("input/b.md", "b"), answers));
        Assert.False(RecordingContentSource.SameAnswers(new MemoryContentSource().Add("input/a.md", "a").Add("input/b.md", "b").Add("input/c.md", "c"), answers));
        Assert.False(RecordingContentSource.SameAnswers(new MemoryContentSource().Add("input/a.md", "a"), answers));

        // Read once before a save and once after: that build saw two versions of the file.
        project.Add("input/a.md", "A");
        recording.ReadAllBytes("input/a.md");
        Assert.False(RecordingContentSource.SameAnswers(project, recording.Answers));
        Assert.False(RecordingContentSource.SameAnswers(new MemoryContentSource().Add("input/a.md", "a").Add("input/b.md", "b"), recording.Answers));
    }

    [Fact]
    public void A_record_from_another_generator_or_settings_has_another_key()
    {
        var none = new Dictionary<string, string>();
        Assert.Equal(BuildRecord.KeyFor(none, "x"), BuildRecord.KeyFor(new Dictionary<string, string>(), "x"));
        Assert.NotEqual(BuildRecord.KeyFor(none, "x"), BuildRecord.KeyFor(new Dictionary<string, string> { ["SiteTitle"] = "t" }, "x"));
        Assert.NotEqual(BuildRecord.KeyFor(none, "x"), BuildRecord.KeyFor(none, "y"));
        // Settings are named case-insensitively on the command line.
        Assert.Equal(BuildRecord.KeyFor(new Dictionary<string, string> { ["sitetitle"] = "t" }, "x"), BuildRecord.KeyFor(new Dictionary<string, string> { ["SiteTitle"] = "t" }, "x"));
    }
}
