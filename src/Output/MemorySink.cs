using System.Collections.Immutable;
using System.Text;

namespace CaseRecord.Output;

public sealed class MemorySink : IOutputSink
{
    public ImmutableSortedDictionary<string, byte[]> Files { get; private set; } = ImmutableSortedDictionary<string, byte[]>.Empty.WithComparers(StringComparer.Ordinal);

    public void Write(IReadOnlyList<OutputFile> files) =>
        Files = files.ToImmutableSortedDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);

    public string Text(string path) =>
        Files.TryGetValue(path, out var bytes) ? Encoding.UTF8.GetString(bytes) : throw new KeyNotFoundException($"no output file '{path}'");
}
