using System.Collections.Immutable;

namespace CaseRecord.Content.Yaml;

/// <summary>A YAML node that remembers where it stood (1-based, in the YAML text).</summary>
public abstract record YNode(int Line, int Column)
{
    public abstract string KindName { get; }
}

public sealed record YScalar(string Value, bool IsPlain, int Line, int Column) : YNode(Line, Column)
{
    /// <summary>A plain <c>~</c>, <c>null</c> or empty scalar: YAML's null.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");
    public override string KindName => "text";
}

public sealed record YSequence(ImmutableArray<YNode> Items, int Line, int Column) : YNode(Line, Column)
{
    public override string KindName => "list";
}

public sealed record YEntry(YScalar Key, YNode Value);

public sealed record YMapping(ImmutableArray<YEntry> Entries, int Line, int Column) : YNode(Line, Column)
{
    public override string KindName => "mapping";
}
