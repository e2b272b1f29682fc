using Microsoft.Extensions.Logging;

namespace Gnbv.Tools.Bench;

/// <summary>The hosted web app's warnings and errors, written to the bench's log (the console carries the bench's JSON).</summary>
internal sealed class ApiLoadLogger(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_gate) writer.WriteLine(line);
    }

    private sealed class Category(ApiLoadLogger provider, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Requests that wrk leaves in flight when it stops are aborted: not a failure of the app.
            if (!IsEnabled(logLevel) || exception is OperationCanceledException) return;
            provider.Write($"api-load: web {logLevel} {name}: {formatter(state, exception)}"
                + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})"));
        }
    }
}
