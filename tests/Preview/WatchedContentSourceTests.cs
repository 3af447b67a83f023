using CaseRecord.Content;
using CaseRecord.Preview;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Preview;

/// <summary>A watched preview asks the disk only about paths the watcher saw change.</summary>
public sealed class WatchedContentSourceTests
{
    private const string Article = "input/articles/thornton-refuses-responsibility.md";

    private static TempProject SettledProject() => TempProject.Settled(Repo.Root);

    /// <summary>Adds to the article and dates the save in the past, so the disk gives it a stamp.</summary>
    private static void Edit(TempProject project, string more, int minutesAgo)
    {
        File.AppendAllText(project.PathOf(Article), more);
        File.SetLastWriteTimeUtc(project.PathOf(Article), DateTime.UtcNow.AddMinutes(-minutesAgo));
    }

    [Fact]
    public void A_stamp_is_remembered_until_its_path_is_forgotten()
    {
        using var project = SettledProject();
        var source = new WatchedContentSource(new DiskContentSource(project.Root));
        var first = source.Stamp(Article);
        Assert.NotNull(first);

        Edit(project, "\nMore.\n", minutesAgo: 5);
        Assert.Equal(first, source.Stamp(Article)); // not asked again: nothing was seen

        source.Forget([Article]);
        var second = source.Stamp(Article);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void A_folder_or_everything_forgotten_takes_the_stamps_and_listings_under_it()
    {
        using var project = SettledProject();
        var source = new WatchedContentSource(new DiskContentSource(project.Root));
        var before = source.ListFiles("input/articles", ".md");
        var stamp = source.Stamp(Article);

        project.Write("input/articles/new-one.md", "---\ntitle: New\n---\n");
        Edit(project, "\nMore.\n", minutesAgo: 5);
        Assert.Equal(before, source.ListFiles("input/articles", ".md"));

        source.Forget(["input/articles/new-one.md"]);
        Assert.Contains("input/articles/new-one.md", source.ListFiles("input/articles", ".md"));
        Assert.Equal(stamp, source.Stamp(Article)); // a sibling's change says nothing about this file

        source.Forget(["input"]);
        Assert.NotEqual(stamp, source.Stamp(Article));

        Edit(project, "\nAnd more.\n", minutesAgo: 4);
        var remembered = source.Stamp(Article);
        source.Forget([DebouncedWatcher.Everything]);
        Assert.NotEqual(remembered, source.Stamp(Article));
    }

    [Fact]
    public void A_content_change_forgets_the_stamp_and_keeps_the_listing()
    {
        using var project = SettledProject();
        var source = new WatchedContentSource(new DiskContentSource(project.Root));
        var listing = source.ListFiles("input/articles", ".md");
        var stamp = source.Stamp(Article);

        Edit(project, "\nMore.\n", minutesAgo: 5);
        project.Write("input/articles/unseen.md", "---\ntitle: Unseen\n---\n");
        source.Forget([Article], contentOnly: true);
        Assert.NotEqual(stamp, source.Stamp(Article));
        Assert.Same(listing, source.ListFiles("input/articles", ".md")); // the listing is still the one read before

        source.Forget([DebouncedWatcher.Everything], contentOnly: true);
        Assert.Contains("input/articles/unseen.md", source.ListFiles("input/articles", ".md"));
    }

    [Fact]
    public void A_file_still_settling_is_asked_about_every_time()
    {
        using var project = SettledProject();
        var source = new WatchedContentSource(new DiskContentSource(project.Root));
        File.AppendAllText(project.PathOf(Article), "\nJust saved.\n");
        Assert.Null(source.Stamp(Article));
        File.SetLastWriteTimeUtc(project.PathOf(Article), DateTime.UtcNow.AddMinutes(-1));
        Assert.NotNull(source.Stamp(Article));
    }
}
