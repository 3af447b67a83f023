namespace CaseRecord.Search.Builtin;

/// <summary>
/// Copies of what the search keeps until its index is written (a page's words and record, its
/// words' locations), made where the collector never moves them: the pinned object heap.
/// </summary>
/// <remarks>
/// Young, they were copied from generation to generation with the rest of the build's survivors
/// (every page's words and text, 150 MB at 10,000 articles), and nearly every collection while
/// the pages were read was of generation 1. They hold no references, so the collector need not
/// look into them either; they go with the first full collection after the build lets them go.
/// </remarks>
internal static class Kept
{
    public static T[] Copy<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        var kept = GC.AllocateUninitializedArray<T>(values.Length, pinned: true);
        values.CopyTo(kept);
        return kept;
    }

    /// <summary>A copy of what a reused list holds now.</summary>
    public static T[] Copy<T>(List<T> values) where T : unmanaged => Copy<T>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
}
