using System.Diagnostics;
using YamlDotNet.RepresentationModel;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>The GitHub Pages workflow: the official flow for a custom build, and valid by the workflow schema.</summary>
public sealed class PagesWorkflowTests
{
    private static readonly string WorkflowPath = Repo.PathOf(".github/workflows/pages.yml");

    private static YamlMappingNode Workflow()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(WorkflowPath)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Text(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;

    [Fact]
    public void Has_the_pages_permissions_and_concurrency()
    {
        var w = Workflow();
        var permissions = (YamlMappingNode)w["permissions"];
        Assert.Equal("read", Text(permissions, "contents"));
        Assert.Equal("write", Text(permissions, "pages"));
        Assert.Equal("write", Text(permissions, "id-token"));
        Assert.Equal("pages", Text(w["concurrency"], "group"));
        var on = (YamlMappingNode)w["on"];
        Assert.Contains("main", ((YamlSequenceNode)((YamlMappingNode)on["push"])["branches"]).Select(b => ((YamlScalarNode)b).Value));
    }

    [Fact]
    public void Builds_with_the_pages_base_path_and_host_then_uploads_and_deploys()
    {
        var jobs = (YamlMappingNode)Workflow()["jobs"];
        var build = (YamlSequenceNode)((YamlMappingNode)jobs["build"])["steps"];
        var uses = build.Cast<YamlMappingNode>().Select(s => s.Children.TryGetValue("uses", out var u) ? ((YamlScalarNode)u).Value! : "").ToList();
        Assert.Contains(uses, u => u.StartsWith("actions/checkout@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/configure-pages@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/upload-pages-artifact@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/cache@", StringComparison.Ordinal));
        var setup = build.Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue("uses", out var u) && ((YamlScalarNode)u).Value!.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal));
        Assert.Equal("10.0.x", Text(setup["with"], "dotnet-version"));
        var cache = build.Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue("uses", out var u) && ((YamlScalarNode)u).Value!.StartsWith("actions/cache@", StringComparison.Ordinal));
        Assert.Contains(".nuget/packages", Text(cache["with"], "path"));
        var configure = build.Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue("uses", out var u) && ((YamlScalarNode)u).Value!.StartsWith("actions/configure-pages@", StringComparison.Ordinal));
        var id = Text(configure, "id");
        var run = build.Cast<YamlMappingNode>().Select(s => s.Children.TryGetValue("run", out var r) ? ((YamlScalarNode)r).Value! : "").Single(r => r.Contains("dotnet run"));
        Assert.Contains($"LinkRoot=${{{{ steps.{id}.outputs.base_path }}}}", run);
        Assert.Contains($"Host=${{{{ steps.{id}.outputs.host }}}}", run);
        var steps = build.Cast<YamlMappingNode>().ToList();
        Assert.True(steps.IndexOf(configure) < steps.FindIndex(s => s.Children.TryGetValue("run", out var r) && ((YamlScalarNode)r).Value!.Contains("dotnet run")));
        Assert.Contains(steps, s => s.Children.TryGetValue("run", out var r) && ((YamlScalarNode)r).Value!.StartsWith("npm ci", StringComparison.Ordinal));
        var deploy = (YamlSequenceNode)((YamlMappingNode)jobs["deploy"])["steps"];
        Assert.Contains(deploy.Cast<YamlMappingNode>(), s => ((YamlScalarNode)s["uses"]).Value!.StartsWith("actions/deploy-pages@", StringComparison.Ordinal));
        Assert.Equal("github-pages", Text(((YamlMappingNode)jobs["deploy"])["environment"], "name"));
    }

    [Fact]
    public void Publishes_the_folder_it_builds_into_whose_build_notes_are_kept_beside_it()
    {
        var steps = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)Workflow()["jobs"])["build"])["steps"]).Cast<YamlMappingNode>().ToList();
        var run = steps.Select(s => s.Children.TryGetValue("run", out var r) ? ((YamlScalarNode)r).Value! : "").Single(r => r.Contains("dotnet run"));
        var output = System.Text.RegularExpressions.Regex.Match(run, @"(?:^|\s)-o\s+(\S+)").Groups[1].Value;
        Assert.NotEqual("", output);
        var upload = steps.Single(s => s.Children.TryGetValue("uses", out var u) && ((YamlScalarNode)u).Value!.StartsWith("actions/upload-pages-artifact@", StringComparison.Ordinal));
        Assert.Equal(output, Text(upload["with"], "path"));
        // What the upload takes is the site alone: the generator's notes (they list the project's files) are beside the folder.
        Assert.Equal(Path.Combine(Repo.Root, $".{output}.case-record"), CaseRecord.Output.DirectorySink.NotesFolder(Path.Combine(Repo.Root, output)));
    }

    [ToolFact(Needs.WorkflowValidator)]
    public void Passes_the_workflow_schema_validator()
    {
        using var process = Process.Start(new ProcessStartInfo(Tools.WorkflowValidator, [WorkflowPath]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
    }
}
