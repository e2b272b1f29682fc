using Gnbv.Data.Database;
using Gnbv.Web.Infrastructure;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddGnbv();

WebApplication app;
try
{
    // Build creates the server, which reads the options: a bad value already shows here.
    app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.UseGnbv();
    await app.StartAsync();
}
catch (Exception e) when (e is InvalidOperationException or ArgumentException or OptionsValidationException or IOException)
{
    // A wrong configuration, an unreachable database or a taken port is one clear line, not a stack trace.
    var connections = new DatabaseOptions
    {
        ConnectionString = Environment.GetEnvironmentVariable("GNBV_DB") ?? builder.Configuration["Database:ConnectionString"] ?? "",
        ReadOnlyConnectionString = Environment.GetEnvironmentVariable("GNBV_DB_READONLY") ?? builder.Configuration["Database:ReadOnlyConnectionString"],
    };
    await Console.Error.WriteLineAsync("GNBV không khởi động được (cannot start): " + StartupError.Redact(e.Message.ReplaceLineEndings(" "), connections));
    return 1;
}
await app.WaitForShutdownAsync();
return 0;

public partial class Program;
