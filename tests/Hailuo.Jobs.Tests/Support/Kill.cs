namespace Hailuo.Jobs.Tests.Support;

/// <summary>The process died here: nothing after this point ran.</summary>
internal sealed class ProcessKilledException : Exception
{
    public ProcessKilledException()
        : base("killed")
    {
    }

    public ProcessKilledException(string message)
        : base(message)
    {
    }

    public ProcessKilledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A ledger whose process dies just before it would write <paramref name="state"/> (of the job <paramref name="key"/>, when given).</summary>
internal sealed class KillBeforeWriting(IJobStore inner, JobState state, string? key = null) : ForwardingStore(inner)
{
    public override Task<JobRecord?> TrySaveAsync(JobRecord job, CancellationToken cancellationToken = default) =>
        job.State == state && (key is null || key == job.Key) ? throw new ProcessKilledException("killed before writing " + state) : Inner.TrySaveAsync(job, cancellationToken);
}

/// <summary>A process that dies while its request to a path containing <paramref name="pathPart"/> is on the wire.</summary>
internal sealed class KillOnRequest(HttpMessageHandler inner, string pathPart) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri!.AbsolutePath.Contains(pathPart, StringComparison.Ordinal)
            ? throw new ProcessKilledException("killed during " + request.RequestUri.AbsolutePath)
            : base.SendAsync(request, cancellationToken);
}
