using System.Data.Common;

namespace Gnbv.Data.Database;

/// <summary>
/// One line saying why the database could not be opened and which setting to fix, for the web app's
/// start and the command line: no stack trace, and never the password of the connection string.
/// </summary>
public static class StartupError
{
    public static string CannotOpen(DatabaseOptions options, Exception e)
    {
        var reason = Innermost(e);
        var fix = options.Provider == DatabaseProvider.Postgres
            ? "kiểm tra máy chủ PostgreSQL đang chạy và Host/Port/Database/Username/Password trong GNBV_DB / Database:ConnectionString"
            : "kiểm tra thư mục và quyền ghi của tệp Data Source trong GNBV_DB / Database:ConnectionString";
        return Redact($"Không mở được CSDL {options.Provider} (cannot open the database): {reason}; {fix}", options);
    }

    /// <summary>The outer message and, when it adds something, the innermost one (a socket's "Connection refused").</summary>
    private static string Innermost(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        var text = ReferenceEquals(inner, e) || e.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? e.Message
            : $"{e.Message} ({inner.Message})";
        return text.ReplaceLineEndings(" ");
    }

    /// <summary>Replaces the passwords of the configured connection strings wherever they appear.</summary>
    public static string Redact(string text, DatabaseOptions options)
    {
        foreach (var connection in new[] { options.ConnectionString, options.ReadOnlyConnectionString })
        {
            if (string.IsNullOrEmpty(connection)) continue;
            var builder = new DbConnectionStringBuilder();
            try { builder.ConnectionString = connection; }
            catch (ArgumentException) { continue; }
            foreach (var key in new[] { "password", "pwd" })
                if (builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } secret)
                    text = text.Replace(secret, "***", StringComparison.Ordinal);
        }
        return text;
    }
}
