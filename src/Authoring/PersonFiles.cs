using CaseRecord.Content;

namespace CaseRecord.Authoring;

/// <summary>The files of a new speaker and a new organisation: the name filled in, the other keys as comments to fill in or delete.</summary>
public static class PersonFiles
{
    public sealed record Draft(string Slug, string Path, string Text);

    private const string SpeakerKeys = """
        # role: "what they are in the story, e.g. Chief Constable, Thames Valley Police"
        # organisation: the slug of their body's file in input/organisations/
        # aliases: []   # forms of the name the texts use besides the full name and a title with the surname (Ms, Mr, Dr …)
        # pronouns: she   # or he, they: when neither a title nor the first name says

        """;

    private const string OrganisationKeys = """
        # aliases: [short forms the texts use, e.g. TVP]

        """;

    /// <summary>Null when the name gives no slug (it has no letter or digit).</summary>
    public static Draft? Speaker(string name) => Make("input/speakers", name, SpeakerKeys);

    public static Draft? Organisation(string name) => Make("input/organisations", name, OrganisationKeys);

    private static Draft? Make(string folder, string name, string commentedKeys)
    {
        var slug = SlugMaker.From(name);
        if (!Slug.IsValid(slug)) return null;
        return new Draft(slug, $"{folder}/{slug}.md", $"---\nname: {YamlText.Quote(name.Trim())}\n{commentedKeys}---\n");
    }
}
