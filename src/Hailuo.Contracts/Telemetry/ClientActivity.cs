using System.Diagnostics;

namespace Hailuo.Contracts.Telemetry;

/// <summary>Starts the activity of a client call and marks how it ended.</summary>
internal static class ClientActivity
{
    public static Activity? Start(string name, string provider, string? taskId = null)
    {
        var activity = HailuoTelemetry.Source.StartActivity(name, ActivityKind.Client);
        activity?.SetTag("hailuo.provider", provider);
        if (taskId is not null)
        {
            activity?.SetTag("hailuo.task_id", taskId);
        }

        return activity;
    }

    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity.SetTag("error.type", exception.GetType().FullName);
        if (exception is HailuoException { ProviderCode: { } code })
        {
            activity.SetTag("hailuo.provider_code", code);
        }
    }
}
