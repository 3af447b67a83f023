using CaseRecord.Analysis;

namespace CaseRecord.Rendering;

/// <summary>
/// What on a page is the editors' rather than the source's, so every place that shows it can say
/// so: a value they settled on that is not the number the matched words write, an inferred date.
/// </summary>
public static class Editorial
{
    /// <summary>
    /// The editors gave a <c>value</c> that is not the number written in <c>match</c> (a number in
    /// words, their arithmetic). A <c>value</c> that repeats the written number is the source's.
    /// </summary>
    public static bool IsEditorialValue(LocatedFigure f) =>
        f.Spec.Value is { } v && FigureLocator.FirstNumber(f.Spec.Match.Value) != v.Value;
}
