using System.Net.Sockets;
using System.Text;

namespace CaseRecord.Tests.Support;

/// <summary>Sends a request line exactly as written, so tests can try what browsers would normalise away.</summary>
public static class RawHttp
{
    public static async Task<(int Status, string Response)> Get(int port, string target, string method = "GET")
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        var request = $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var status = int.Parse(response.Split(' ', 3)[1]);
        return (status, response);
    }
}
