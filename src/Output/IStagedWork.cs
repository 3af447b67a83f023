namespace CaseRecord.Output;

/// <summary>
/// Work made from a site's pages while they are written, and completed before the site replaces
/// the output (the search index), so the two are swapped in together and a failed run leaves the
/// output as it was. Pages come from several threads at once.
/// </summary>
public interface IStagedWork : IDisposable
{
    /// <summary>Whether the work reads the page at this path (only those are handed on).</summary>
    bool Reads(string path);

    /// <summary>Every path the site will have, told before its pages come, so parts of the work can start as soon as their pages are in.</summary>
    void Expect(IEnumerable<string> paths);

    /// <summary>A page the work reads, with its text; safe to call from several threads at once.</summary>
    /// <remarks>The text is lent for the call only (a buffer of the render's, reused for its next page): what the work keeps of it, it copies.</remarks>
    void Page(string path, ReadOnlyMemory<char> text);

    /// <summary>Completes the work into the staged site, within <see cref="Folder"/>; false abandons the build.</summary>
    bool Finish();

    /// <summary>The folder of the site (from its root, with '/') that the work writes into and nothing else does; only it is listed to add the work's files to the site's manifest.</summary>
    string Folder { get; }
}
