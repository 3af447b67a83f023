using System.Collections.Immutable;

namespace CaseRecord.Diagnostics;

/// <summary>Collects the diagnostics of one stage run; the stage hands them on frozen.</summary>
public sealed class DiagnosticList
{
    private readonly List<Diagnostic> _items = [];

    public void Error(SourcePosition at, string message) => _items.Add(Diagnostic.Error(at, message));
    /// <param name="kind">The kind of problem in a few words, the same for every place (see <see cref="Diagnostic.Kind"/>).</param>
    public void Warning(SourcePosition at, string message, string? kind = null) => _items.Add(Diagnostic.Warning(at, message, kind));
    public void Note(SourcePosition at, string message, string? kind = null) => _items.Add(Diagnostic.Note(at, message, kind));
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
    public bool HasErrors => _items.Exists(d => d.IsError);
    public ImmutableArray<Diagnostic> ToImmutable() => [.. _items];
}
