using Gnbv.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddGnbv();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseGnbv();
app.Run();

public partial class Program;
