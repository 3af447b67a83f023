using System.Diagnostics;
using CaseRecord.Cli;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Cli;

public sealed class CommandLineTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = new CommandLine(stdout, stderr).Run(args);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Build_writes_the_site_and_prints_a_summary()
    {
        using var project = new TempProject(Repo.Root);
        var (code, output, errors) = Run("build", "--root", project.Root);
        Assert.True(code == 0, errors);
        Assert.True(File.Exists(project.PathOf("output/index.html")));
        Assert.True(File.Exists(project.PathOf("output/speakers/sara-thornton/index.html")));
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output, @"Built \d+ pages \(\d+ files\) into .* in [\d.]+ s: 1 article, 10 figures, 1 speaker, 6 quotations: 6 attributed \(\d+ [a-z]+(, \d+ [a-z]+)*\), 0 unnamed, 0 unattributed; 0 errors, 0 warnings\."), output);
    }

    [Fact]
    public void The_terminal_status_follows_the_stages_of_a_build_to_disk_in_order()
    {
        using var project = new TempProject(Repo.Root);
        var stages = new List<string>();
        var builder = new CaseRecord.Building.SiteBuilder(new CaseRecord.Content.DiskContentSource(project.Root), new Dictionary<string, string> { ["SearchIndex"] = "false" });
        Assert.True(builder.Build(new CaseRecord.Output.DirectorySink(project.PathOf("output")), progress: new Recorder(stages)).Succeeded);
        // Each finished stage but the last names the next one, so the line never goes back to "Load…".
        Assert.Equal(["Analyse…", "Index…", "Data…", "Render…", "Links…", "Write…"], stages.SkipLast(1).Select(s => BuildCommand.StatusAfter(s)));
        Assert.Null(BuildCommand.StatusAfter(stages[^1]));
    }

    private sealed class Recorder(List<string> into) : IProgress<string>
    {
        public void Report(string value) => into.Add(value);
    }

    [Fact]
    public void Build_is_the_default_command()
    {
        using var project = new TempProject(Repo.Root);
        var (code, _, errors) = Run("--root", project.Root);
        Assert.True(code == 0, errors);
        Assert.True(File.Exists(project.PathOf("output/index.html")));
    }

    [Fact]
    public void A_failed_build_exits_1_names_the_place_and_leaves_the_previous_output_untouched()
    {
        using var project = new TempProject(Repo.Root);
        var (first, _, firstErrors) = Run("--root", project.Root);
        Assert.True(first == 0, firstErrors);
        var before = TempProject.Snapshot(project.PathOf("output"));

        var article = project.PathOf("input/articles/thornton-refuses-responsibility.md");
        File.WriteAllText(article, File.ReadAllText(article).Replace("speakers: [sara-thornton]", "speakers: [sara-thornton, nobody]"));
        var (code, output, errors) = Run("build", "--root", project.Root);

        Assert.Equal(1, code);
        Assert.Contains("input/articles/thornton-refuses-responsibility.md:14:", errors);
        Assert.Contains("error: unknown speaker 'nobody'", errors);
        Assert.Contains("Build failed", output);
        var after = TempProject.Snapshot(project.PathOf("output"));
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, (bytes, written)) in before)
        {
            Assert.Equal(bytes, after[path].Bytes);
            Assert.Equal(written, after[path].Written);
        }
    }

    [Fact]
    public void Check_reports_but_writes_nothing()
    {
        using var project = new TempProject(Repo.Root);
        var (code, output, _) = Run("check", "--root", project.Root);
        Assert.Equal(0, code);
        Assert.Contains("Checked", output);
        Assert.False(Directory.Exists(project.PathOf("output")));
    }

    [Fact]
    public void Settings_and_output_folder_can_be_given_on_the_command_line()
    {
        using var project = new TempProject(Repo.Root);
        var elsewhere = project.PathOf("site-out");
        var (code, _, errors) = Run("build", "--root", project.Root, "-o", elsewhere, "-s", "SiteTitle=Another <title>", "--setting", "LinkHideIndexPages=true");
        Assert.True(code == 0, errors);
        var home = File.ReadAllText(Path.Combine(elsewhere, "index.html"));
        Assert.Contains("Another &lt;title&gt;", home);
        Assert.Contains("href=\"speakers/sara-thornton/\"", home);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("-s", "NoEqualsSign")]
    [InlineData("frobnicate")]
    public void Wrong_command_line_use_exits_2(params string[] args)
    {
        using var project = new TempProject(Repo.Root);
        var (code, _, errors) = Run([.. args, "--root", project.Root]);
        Assert.Equal(2, code);
        Assert.Contains("error", errors);
    }

    [Theory]
    [InlineData("build")]
    [InlineData("check")]
    [InlineData("preview")]
    [InlineData("serve")]
    [InlineData("quotes")]
    public void A_setting_without_an_equals_sign_is_the_same_usage_error_for_every_command(string command)
    {
        // A folder that does not exist: were the setting let through, the command would stop at it with another message, not serve.
        var (code, output, errors) = Run(command, "-s", "Foo", "--root", Path.Combine(Path.GetTempPath(), "case-record-no-such-project"));
        Assert.Equal(2, code);
        Assert.Equal("error: --setting 'Foo' must be KEY=VALUE\n", errors.ReplaceLineEndings("\n"));
        Assert.Equal("", output);
    }

    [Fact]
    public void Output_folder_may_not_be_the_project_or_its_content_or_a_foreign_folder()
    {
        using var project = new TempProject(Repo.Root);
        Assert.Equal(2, Run("build", "--root", project.Root, "-o", project.Root).Code);
        Assert.Equal(2, Run("build", "--root", project.Root, "-o", project.PathOf("input")).Code);
        project.Write("precious/notes.txt", "mine");
        var (code, _, errors) = Run("build", "--root", project.Root, "-o", project.PathOf("precious"));
        Assert.Equal(1, code);
        Assert.Contains("did not write", errors);
        Assert.Equal("mine", File.ReadAllText(project.PathOf("precious/notes.txt")));
    }

    [Fact]
    public void Broken_settings_file_is_reported_with_line_and_column()
    {
        using var project = new TempProject(Repo.Root);
        File.WriteAllText(project.PathOf("statiq.json"), "{\n  \"SiteTitle\": \"x\",\n  \"LinksUseHttps\": maybe\n}\n");
        var (code, _, errors) = Run("check", "--root", project.Root);
        Assert.Equal(1, code);
        Assert.Contains("statiq.json:3:", errors);
    }

    [Fact]
    public void Help_and_version_are_there()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (var word in new[] { "build", "check", "preview", "--root", "--output", "--setting" }) Assert.Contains(word, output);
        var (vcode, version, _) = Run("--version");
        Assert.Equal(0, vcode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Trim());
    }

    [Fact]
    public void The_real_program_returns_its_exit_code_to_the_shell()
    {
        using var project = new TempProject(Repo.Root);
        File.WriteAllText(project.PathOf("input/speakers/sara-thornton.md"), "---\nrole: no name\n---\n");
        var dll = Path.Combine(AppContext.BaseDirectory, "Site.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", dll, "build", "--root", project.Root]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("input/speakers/sara-thornton.md:1:1: error: missing required key 'name'", errors);
        Assert.False(Directory.Exists(project.PathOf("output")));
    }

    [Fact]
    public void An_output_path_from_the_settings_file_may_not_leave_the_project()
    {
        using var project = new TempProject(Repo.Root);
        var outside = Path.Combine(Path.GetTempPath(), "case-record-outside-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(project.PathOf("statiq.json"), File.ReadAllText(project.PathOf("statiq.json")).Replace("\"OutputPath\": \"output\"", $"\"OutputPath\": \"{outside}\""));
        var (code, _, errors) = Run("build", "--root", project.Root);
        Assert.Equal(2, code);
        Assert.Contains("leads outside the project", errors);
        Assert.False(Directory.Exists(outside));
        var (explicitCode, _, explicitErrors) = Run("build", "--root", project.Root, "-o", outside);
        Assert.True(explicitCode == 0, explicitErrors);
        Directory.Delete(outside, recursive: true);
    }
}
