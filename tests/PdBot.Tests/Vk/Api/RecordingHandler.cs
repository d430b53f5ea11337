using System.Net;
using System.Text;

namespace PdBot.Tests.Vk.Api;

/// <summary>Stands in for VK: records each request (URL, content type, form fields) and answers with the next scripted body.</summary>
public sealed class RecordingHandler(params string[] responses) : HttpMessageHandler
{
    private readonly Queue<string> _responses = new(responses);
    private readonly object _lock = new();
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>Answers once the script is used up (e.g. many calls in a rate-limit test).</summary>
    public string Fallback { get; set; } = """{"response":1}""";

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        string answer;
        lock (_lock)
        {
            _requests.Add(new RecordedRequest(request.RequestUri!, request.Content?.Headers.ContentType?.MediaType, body));
            answer = _responses.Count > 0 ? _responses.Dequeue() : Fallback;
        }

        return new HttpResponseMessage(Status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}
