using System.Text.RegularExpressions;

namespace CaseRecord.Diagnostics;

/// <summary>A message's kind when its maker gave none: the message with what varies from place to place (quoted text, paths, anchors, numbers) made "…".</summary>
public static partial class DiagnosticKind
{
    public static string Of(string message) =>
        Variable().Replace(message, m => m.Value[0] is '\'' or '"' ? $"{m.Value[0]}…{m.Value[0]}" : "…");

    [GeneratedRegex(@"'[^']*'|""[^""]*""|\b[\w.-]+(/[\w.-]+)+\b|\bp\d+\b|\d[\d,.]*")]
    private static partial Regex Variable();
}
