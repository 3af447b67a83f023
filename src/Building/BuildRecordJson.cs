using System.Text.Json.Serialization;

namespace CaseRecord.Building;

/// <summary>
/// The build record's JSON, made at compile time rather than by reflection when the build ends,
/// where nothing else runs (with streaming, half a second fell to a fifth at 10,000 articles: bench/history.md).
/// </summary>
[JsonSerializable(typeof(BuildRecord))]
internal sealed partial class BuildRecordJson : JsonSerializerContext;
