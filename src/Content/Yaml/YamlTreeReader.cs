using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CaseRecord.Content.Yaml;

/// <summary>
/// Reads YAML into a small positioned tree. We use YamlDotNet's event parser rather than its
/// object model so that every key and value keeps its line and column, and so that duplicate keys
/// are ours to report (case-insensitively, as the content format demands).
/// </summary>
public static class YamlTreeReader
{
    public sealed record Failure(int Line, int Column, string Message);

    /// <summary>Parses one YAML document; an empty document is an empty mapping.</summary>
    public static (YNode? Root, Failure? Error) Read(string yaml)
    {
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return (new YMapping([], 1, 1), null);
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var at = parser.Current!.Start;
                return (null, new Failure((int)at.Line, (int)at.Column, "the front matter holds more than one YAML document; remove the extra '---'"));
            }
            return (root, null);
        }
        catch (YamlException e)
        {
            var message = Clean(e.InnerException?.Message ?? e.Message);
            return (null, new Failure(Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column), message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner sometimes fails without a position (an unclosed '[' followed by
            // more keys); the last event it read is where the trouble starts.
            return (null, new Failure(parser.LastLine, parser.LastColumn,
                "the YAML cannot be read from here on; look for an unclosed bracket '[' or '{', or an unclosed quote"));
        }
    }

    /// <summary>Remembers where the last event began, for errors YamlDotNet reports without one.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public int LastLine { get; private set; } = 1;
        public int LastColumn { get; private set; } = 1;
        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (inner.Current is { } ev) (LastLine, LastColumn) = ((int)ev.Start.Line, (int)ev.Start.Column);
            var moved = inner.MoveNext();
            if (moved && inner.Current is { } next) (LastLine, LastColumn) = ((int)next.Start.Line, (int)next.Start.Column);
            return moved;
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 2, Col: 3, Idx: 10) - (Line ...): "; we print our own position.
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line", StringComparison.Ordinal) && i > 0) message = message[(i + 3)..];
        return message.TrimEnd('.') ;
    }

    private static YNode ReadNode(IParser parser)
    {
        switch (parser.Current)
        {
            case Scalar s:
                parser.MoveNext();
                return new YScalar(s.Value, s.Style == ScalarStyle.Plain, (int)s.Start.Line, (int)s.Start.Column);
            case SequenceStart seq:
            {
                parser.MoveNext();
                var items = ImmutableArray.CreateBuilder<YNode>();
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser));
                return new YSequence(items.ToImmutable(), (int)seq.Start.Line, (int)seq.Start.Column);
            }
            case MappingStart map:
            {
                parser.MoveNext();
                var entries = ImmutableArray.CreateBuilder<YEntry>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser);
                    if (keyNode is not YScalar key)
                        throw new YamlException(new Mark(0, keyNode.Line, keyNode.Column), new Mark(0, keyNode.Line, keyNode.Column), "a key must be plain text");
                    entries.Add(new YEntry(key, ReadNode(parser)));
                }
                return new YMapping(entries.ToImmutable(), (int)map.Start.Line, (int)map.Start.Column);
            }
            case AnchorAlias alias:
                throw new YamlException(alias.Start, alias.End, "YAML aliases (*name) are not supported in front matter; write the value out");
            default:
                var ev = parser.Current!;
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }
    }
}
