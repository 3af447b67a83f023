using System.Diagnostics;
using CaseRecord.Building;
using CaseRecord.Preview;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Preview;

/// <summary>The preview makes its search index as a build to disk would, with the project's settings for it.</summary>
[Trait("Category", "Slow")]
public sealed class PreviewSearchSettingsTests
{
    [ToolFact(Needs.Pagefind)]
    public async Task The_previews_index_follows_the_settings_for_making_it()
    {
        using var project = new TempProject(Repo.Root);
        var log = new StringWriter();
        // Pagefind's program, and an index in parts of two pages: what only that way makes (parts.json).
        var settings = new Dictionary<string, string> { ["SearchIndexWrittenByGenerator"] = "false", ["SearchPagesPerIndex"] = "2" };
        await using var session = new PreviewSession(new BuildOptions(project.Root, null, settings, false),
            new PreviewServerOptions(0, "", Reload: false), watch: false, TextWriter.Synchronized(log), searchIndex: true);
        await session.StartAsync();
        var clock = Stopwatch.StartNew();
        while (session.Search!.Made == 0)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail($"no index was made; log:\n{log}");
            await Task.Delay(50);
        }
        Assert.True(session.Search.TryGetFile("pagefind/parts.json", out var parts), $"the index is not in parts; log:\n{log}");
        Assert.Contains("\"parts/2/\"", System.Text.Encoding.UTF8.GetString(parts.Span));
        Assert.Contains("indexes of at most 2 for the preview", log.ToString());
    }
}
