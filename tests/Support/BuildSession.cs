using CaseRecord.Building;

namespace CaseRecord.Tests.Support;

/// <summary>What a preview session does with its builds: each one's value for the next replaces the last.</summary>
public sealed class BuildSession
{
    public PreviousBuild Previous { get; private set; } = new();

    public BuildResult Build(SiteBuilder builder)
    {
        (var result, Previous) = builder.Build(null, Previous);
        return result;
    }
}
