using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Gnbv.Domain;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Reports;
using Gnbv.Domain.Time;
using Gnbv.Domain.Units;
using Gnbv.Domain.Users;
using Gnbv.Reports.Charts;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Reports.Templating;

/// <summary>
/// Stores a unit's report template: only who may change the wording of that unit's reports, only
/// a template that renders the unit's real report within <see cref="TemplateLimits"/>, and with
/// the audit (old and new text, who, why) in the same save.
/// </summary>
public sealed class TemplateEditor(AppDbContext db, ReportDataBuilder builder, IChartRenderer charts, TimeProvider clock)
{
    public const int MaxReasonChars = 500;

    /// <summary>
    /// The wording of a unit's reports is its issuing body's: the administrator anywhere, a
    /// district or province officer for their own unit (the template then serves the units below,
    /// unless they have their own). Commune officers write their reports' narrative sections, not
    /// the template; viewers change nothing.
    /// </summary>
    public static bool MayEdit(Actor actor, OrgUnit unit) => actor.IsAdmin || (actor.Role == Roles.DistrictOfficer && actor.UnitId == unit.Id);

    public static string WhoMayEdit(Actor actor, OrgUnit unit) =>
        $"{actor.Name} không được sửa mẫu báo cáo của {unit.Code} {unit.Name}: chỉ quản trị viên, hoặc cán bộ huyện/tỉnh của chính đơn vị đó, được sửa mẫu (forbidden)";

    /// <summary>Checks the template against the unit's report of <paramref name="period"/>, then stores it. Nothing is written if anything is wrong.</summary>
    public async Task<ReportTemplate> SaveAsync(Actor actor, OrgUnit unit, string? text, string? reason, Period period, CancellationToken ct = default)
    {
        if (!MayEdit(actor, unit)) throw new UnauthorizedAccessException(WhoMayEdit(actor, unit));
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("text: mẫu báo cáo bắt buộc, đang trống (required)");
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) throw new DomainException("reason: lý do sửa mẫu báo cáo bắt buộc, đang trống; lý do được ghi vào nhật ký (required)");
        if (why.Length > MaxReasonChars) throw new DomainException($"reason: lý do dài {why.Length} ký tự, quá {MaxReasonChars} ký tự (too long)");
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);

        // Parsing is not enough: a template that parses may loop for minutes or name a table that
        // does not exist. It is run here, on this unit's real report, within the limits.
        var (data, export) = await builder.BuildAsync(unit, period, ct);
        try
        {
            await ReportComposer.ComposeAsync(data, export, text, charts, ct: ct);
        }
        catch (TemplateException e)
        {
            throw new TemplateException($"Chưa lưu mẫu báo cáo của {unit.Code}: {e.Message} (thử trên báo cáo {period.Id})");
        }

        var own = await db.ReportTemplates.FirstOrDefaultAsync(t => t.OrgUnitId == unit.Id, ct);
        if (own is null) db.ReportTemplates.Add(own = new ReportTemplate { OrgUnitId = unit.Id, Text = text });
        own.Text = text;
        own.UpdatedBy = actor.Name;
        own.UpdatedAt = clock.UtcNow();
        db.Actor = actor.Name;
        db.Reason = why;
        await db.SaveChangesAsync(ct);
        return own;
    }

    /// <summary>The half-year of today in Vietnam: the report a template is tried on when no period is named.</summary>
    public static Period CurrentHalfYear(TimeProvider clock)
    {
        var today = clock.VietnamToday();
        return Period.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{today.Year}S{(today.Month <= 6 ? 1 : 2)}"));
    }
}
