using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>
/// The errors the web app logged, with their exceptions: a test that meets a 500 shows why, since
/// the answer itself only carries a request id and the host's log is not kept by the test runner.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The last few errors logged, newest last; empty when none was.</summary>
    public string Recent(int count = 3) => string.Join("\n---\n", _errors.TakeLast(count));

    public void Dispose() { }

    private sealed class Logger(ServerErrors owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            owner._errors.Enqueue($"{category}: {formatter(state, exception)}\n{exception}");
            while (owner._errors.Count > 20) owner._errors.TryDequeue(out _);
        }
    }
}
