using System.Threading.Channels;

namespace CaseRecord.Tests.Support;

/// <summary>A Server-Sent Events client that queues each event as (name, data) for a test to wait on.</summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Name, string Data)> _events = Channel.CreateUnbounded<(string, string)>();
    private Task? _reader;

    public static async Task<EventStream> Connect(string url)
    {
        var stream = new EventStream();
        var response = await stream._http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stream._stop.Token);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(stream._stop.Token);
        stream._reader = Task.Run(() => stream.Read(body));
        return stream;
    }

    private async Task Read(Stream body)
    {
        using var reader = new StreamReader(body);
        string? name = null, data = null;
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
                else if (line.Length == 0 && name is not null)
                {
                    _events.Writer.TryWrite((name, data ?? ""));
                    name = data = null;
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        _events.Writer.TryComplete();
    }

    /// <summary>The next event with one of these names; others are skipped.</summary>
    public async Task<(string Name, string Data)> Next(params string[] names)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var e = await _events.Reader.ReadAsync(timeout.Token);
            if (names.Length == 0 || names.Contains(e.Name)) return e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_reader is not null) await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        _http.Dispose();
        _stop.Dispose();
    }
}
