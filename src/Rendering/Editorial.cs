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

    /// <summary>A figure as the record shows it: also the editors' when its sources differ and they settled on a value.</summary>
    public static bool IsEditorialValue(Model.FigureEntry e) => IsEditorialValue(e.Figure) || IsSettled(e);

    /// <summary>When the statements of a fact differ: the values other than <paramref name="shown"/> (the fact's own by default), as the site shows them ("9,000 and 9,200"); else null.</summary>
    public static string? OtherValues(Model.FigureEntry e, LocatedFigure? shown = null) => !e.Differs ? null : string.Join(" and ",
        e.Statements.Where(s => !Model.FigureStatement.SameValue(s.Figure, shown ?? e.Figure)).Select(s => ValueFormatter.Value(s.Figure)).Distinct());

    /// <summary>The sources differ and the editors chose the value shown (<c>value</c> in the figure file).</summary>
    public static bool IsSettled(Model.FigureEntry e) => e.Case?.Value is not null && e.Differs;
}
