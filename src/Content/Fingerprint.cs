using System.Security.Cryptography;
using System.Text;

namespace CaseRecord.Content;

/// <summary>A short content hash (the first 128 bits of a SHA-256, in hex), used to know what a rebuild can reuse and whether a build is up to date.</summary>
public static class Fingerprint
{
    public static string Of(IEnumerable<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData([0]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    public static string Of(params string[] parts) => Of((IEnumerable<string>)parts);

    public static string Of(IEnumerable<byte[]> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            hash.AppendData(BitConverter.GetBytes(part.Length));
            hash.AppendData(part);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
