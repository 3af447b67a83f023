using System.Collections.Immutable;

namespace CaseRecord.Model;

/// <summary>Comparisons of a list of the record with its last version, where an unchanged item is the same object.</summary>
internal static class Versions
{
    /// <summary>
    /// Whether both lists hold the same items in the same places: the same object, or two that
    /// <paramref name="same"/> finds alike. An unchanged item is passed over without being read.
    /// </summary>
    public static bool SameInOrder<T>(ImmutableArray<T> before, ImmutableArray<T> after, Func<T, T, bool> same) where T : class
    {
        if (before.Length != after.Length) return false;
        for (var i = 0; i < before.Length; i++)
            if (!ReferenceEquals(before[i], after[i]) && !same(before[i], after[i])) return false;
        return true;
    }
}
