using System.Text.Json;
using System.Threading.Channels;

namespace CaseRecord.Preview;

/// <summary>The browsers connected for live reload, each fed Server-Sent Events through its own channel.</summary>
public sealed class LiveReloadHub
{
    private readonly Lock _lock = new();
    private readonly List<Channel<string>> _clients = [];
    private string _hello = Event("hello", new { build = "", error = (object?)null, warnings = (object?)null });

    public int ClientCount { get { lock (_lock) return _clients.Count; } }

    /// <summary>Fires when a client connects; tests wait on it.</summary>
    public event Action? ClientConnected;

    public static string Event(string name, object data) => $"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n";

    /// <summary>What a newly connected client is told first: the current build, the current error if any, and the last good build's warnings.</summary>
    public void SetState(string buildId, object? error, object? warnings = null)
    {
        lock (_lock) _hello = Event("hello", new { build = buildId, error, warnings });
    }

    public void Broadcast(string name, object data)
    {
        var message = Event(name, data);
        lock (_lock)
            foreach (var c in _clients) c.Writer.TryWrite(message);
    }

    public async Task Serve(Stream body, Func<Task> flush, CancellationToken cancel)
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock)
        {
            _clients.Add(channel);
            channel.Writer.TryWrite("retry: 500\n\n" + _hello);
        }
        ClientConnected?.Invoke();
        try
        {
            using var heartbeat = new PeriodicTimer(TimeSpan.FromSeconds(15));
            var beat = Task.Run(async () =>
            {
                while (await heartbeat.WaitForNextTickAsync(cancel)) channel.Writer.TryWrite(": keep-alive\n\n");
            }, cancel);
            await foreach (var message in channel.Reader.ReadAllAsync(cancel))
            {
                await body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(message), cancel);
                await flush();
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        finally
        {
            lock (_lock) _clients.Remove(channel);
        }
    }
}
