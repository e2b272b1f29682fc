namespace Gnbv.Data.Imports;

/// <summary>Builds the error of a file refused before any row is read: it names the file and the reason.</summary>
public static class FileRefused
{
    public static ImportFailedException Because(string section, string fileName, string message, int? line = null, string field = "file") =>
        new([new ImportError(section, 0, line, field, $"tệp '{Path.GetFileName(fileName)}': {message}")]);
}
