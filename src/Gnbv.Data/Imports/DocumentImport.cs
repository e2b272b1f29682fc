using Gnbv.Domain.Documents;

namespace Gnbv.Data.Imports;

/// <summary>Upserts directive documents by (number, date).</summary>
internal static class DocumentImport
{
    public const string Section = "documents";

    public static async Task ApplyAsync(ImportContext ctx, List<DocumentRow> rows, CancellationToken ct)
    {
        var documents = await ctx.DocumentsAsync(ct);
        var counts = ctx.Result.For(Section);
        var seen = new Dictionary<(string, DateOnly), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(Section, i, row);
            var number = ctx.Required("number", row.Number);
            var kind = ctx.Required("kind", row.Kind);
            if (kind is not null && !DocumentKinds.Names.ContainsKey(kind))
                ctx.Error("kind", $"'{kind}' không hợp lệ; dùng một trong: {string.Join(", ", DocumentKinds.Names.Keys)} (invalid document kind)");
            var date = ctx.PastDate("date", row.Date, required: true);
            var subject = ctx.Required("subject", row.Subject);
            var issuer = string.IsNullOrWhiteSpace(row.Issuer) ? null : await ctx.UnitAsync("issuer", row.Issuer, ct);
            var issuerName = row.IssuerName?.Trim();
            if (string.IsNullOrEmpty(issuerName)) issuerName = issuer?.Name;
            if (string.IsNullOrEmpty(issuerName)) ctx.Error("issuerName", "bắt buộc khi không có issuer (required)");
            var items = new List<int>();
            foreach (var code in row.ProgramItems ?? [])
                if (await ctx.ItemAsync("programItems", code, ct) is { } item) items.Add(item.Id);
            if (number is null || date is null || subject is null || string.IsNullOrEmpty(issuerName) || kind is null) continue;
            if (ctx.Duplicate(seen, (number.ToUpperInvariant(), date.Value), "number")) continue;

            var doc = documents.FirstOrDefault(d => string.Equals(d.Number, number, StringComparison.OrdinalIgnoreCase) && d.IssuedOn == date);
            if (doc is null)
            {
                doc = new DirectiveDocument { Number = number, Kind = kind, IssuerName = issuerName, Subject = subject, IssuedOn = date.Value };
                ctx.Db.Documents.Add(doc);
                documents.Add(doc);
                counts.Created++;
            }
            else counts.Updated++;
            doc.Kind = kind.ToUpperInvariant();
            doc.IssuerUnit = issuer;
            doc.IssuerName = issuerName;
            doc.Subject = subject;
            doc.Url = row.Url;
            doc.ProgramItems.RemoveAll(x => !items.Contains(x.ProgramItemId));
            foreach (var id in items.Distinct().Where(id => doc.ProgramItems.All(x => x.ProgramItemId != id)))
                doc.ProgramItems.Add(new DocumentProgramItem { ProgramItemId = id });
        }
        await ctx.Db.SaveChangesAsync(ct);
    }
}
