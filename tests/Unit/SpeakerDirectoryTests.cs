using System.Text.RegularExpressions;
using CaseRecord.Analysis.Attribution;
using CsCheck;

namespace CaseRecord.Tests.Unit;

/// <summary>The word before a surname is found by hand, as the regex it replaced found it.</summary>
public sealed class SpeakerDirectoryTests
{
    private static readonly string[] Pieces = ["Thornton", "Jane", "Ms", " ", "  ", "\n", "x", "É", "é", "O’", "-", "'", "Thorntons", ".", "JANE", "aThornton", "1"];

    private static List<string> ByRegex(string text, string surname) =>
        [.. new Regex(@"(?<![\p{L}])(\p{Lu}[\p{Ll}'’-]+)\s+" + Regex.Escape(surname) + @"(?![\p{L}])", RegexOptions.CultureInvariant)
            .Matches(text).Select(m => m.Groups[1].Value)];

    [Fact]
    public void Finds_the_words_before_a_surname_as_the_regex_does()
    {
        Gen.Int[0, Pieces.Length - 1].Array[0, 30].Select(ix => string.Concat(ix.Select(i => Pieces[i]))).Sample(text =>
            Assert.Equal(ByRegex(text, "Thornton"), SpeakerDirectory.WordsBefore(text, "Thornton").ToList()), iter: 5000);
    }

    [Theory]
    [InlineData("Jane Thornton and Ms  Thornton, not xJane Thornton or Jane Thorntons", "Jane|Ms")]
    [InlineData("JANE Thornton", "")]
    public void Examples(string text, string expected) =>
        Assert.Equal(expected, string.Join("|", SpeakerDirectory.WordsBefore(text, "Thornton")));
}
