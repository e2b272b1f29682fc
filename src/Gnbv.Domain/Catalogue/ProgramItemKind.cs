namespace Gnbv.Domain.Catalogue;

/// <summary>Levels of the program catalogue: chương trình > dự án > tiểu dự án > nội dung.</summary>
public enum ProgramItemKind
{
    Program = 1,
    Project = 2,
    SubProject = 3,
    Content = 4,
}
