using System.Diagnostics;
using Gnbv.Domain;

namespace Gnbv.Reports.Pdf;

/// <summary>DOCX to PDF through LibreOffice headless, the same rendering officers see when they open the file.</summary>
public static class PdfConverter
{
    public const string InstallHint = "apt-get install -y --no-install-recommends libreoffice-writer-nogui";

    public static string? FindSoffice() =>
        new[] { Environment.GetEnvironmentVariable("GNBV_SOFFICE"), "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/bin/libreoffice" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    public static async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct = default)
    {
        var soffice = FindSoffice() ?? throw new DomainException(
            $"Không xuất được PDF: máy chưa cài LibreOffice (soffice). Cài bằng: {InstallHint} (PDF needs LibreOffice)");
        var dir = Directory.CreateTempSubdirectory("gnbv-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "report.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // A profile of its own: two conversions at once must not share LibreOffice's lock.
            start.ArgumentList.Add($"-env:UserInstallation=file://{dir.FullName}/profile");
            foreach (var a in new[] { "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.FullName, input }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(timeout.Token);
            var output = Path.Combine(dir.FullName, "report.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
                throw new DomainException($"LibreOffice không chuyển được sang PDF (exit {process.ExitCode}): {(await stderr).Trim()}");
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
