namespace Gnbv.Data.Imports;

/// <summary>
/// The most an import file may hold before it is refused unread. Each reader has its own defaults
/// (docs/formats.md, "Giới hạn và tệp bị từ chối"); tests and callers may pass smaller ones.
/// </summary>
public sealed record FileLimits
{
    /// <summary>Packages and CSVs of values are read whole into memory: the upload limit.</summary>
    public static FileLimits Packages { get; } = new() { MaxFileBytes = 50L * 1024 * 1024, MaxRows = 1_000_000, MaxColumns = 20 };

    /// <summary>Household lists are streamed: the CLI imports a district's 500 MB round.</summary>
    public static FileLimits HouseholdLists { get; } = new() { MaxFileBytes = 2L * 1024 * 1024 * 1024, MaxRows = 5_000_000, MaxColumns = 100 };

    public long MaxFileBytes { get; init; }

    /// <summary>Data rows (CSV and XLSX), or records over all sections of a JSON package.</summary>
    public int MaxRows { get; init; }

    public int MaxColumns { get; init; }

    /// <summary>Characters in one cell or field (Excel's own limit).</summary>
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>Bytes all entries of an XLSX may expand to, counted as they are read.</summary>
    public long MaxXlsxUncompressedBytes { get; init; } = 1L * 1024 * 1024 * 1024;

    /// <summary>Expanded to compressed size of one XLSX entry; checked for entries above 1 MiB.</summary>
    public int MaxXlsxCompressionRatio { get; init; } = 200;

    public int MaxXlsxEntries { get; init; } = 10_000;
}
