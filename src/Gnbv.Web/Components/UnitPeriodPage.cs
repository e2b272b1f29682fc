using System.Globalization;
using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Data.Users;
using Gnbv.Domain;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Time;
using Gnbv.Domain.Units;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Components;

/// <summary>
/// A page about one unit and one period: both come from the query string, default to the user's
/// unit and the latest period with figures, and the unit must be in the user's subtree.
/// </summary>
public abstract class UnitPeriodPage : ComponentBase
{
    [Inject] protected AppDbContext Db { get; set; } = null!;
    [Inject] protected CurrentActor CurrentActor { get; set; } = null!;
    [Inject] protected UnitResolver UnitResolver { get; set; } = null!;
    [Inject] protected NavigationManager Nav { get; set; } = null!;
    [Inject] protected TimeProvider Clock { get; set; } = null!;
    [SupplyParameterFromQuery(Name = "unit")] public string? UnitParam { get; set; }
    [SupplyParameterFromQuery(Name = "period")] public string? PeriodParam { get; set; }
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    protected Actor Actor { get; private set; } = null!;
    protected List<OrgUnit> Units { get; private set; } = [];
    protected OrgUnit? Unit { get; private set; }
    protected Period? Period { get; private set; }
    protected string PeriodText { get; private set; } = "";
    protected string? PickError { get; private set; }

    protected virtual bool DefaultToYear => false;

    protected override async Task OnInitializedAsync()
    {
        Actor = await CurrentActor.GetAsync();
        Units = await (await CurrentActor.ReadableUnitsAsync()).AsNoTracking().OrderBy(u => u.Path).ToListAsync();
        // The period being reported: the latest with figures in the user's units, else anywhere
        // (a commune that has entered nothing yet works on the same period as its district).
        var ids = Units.Select(u => u.Id).ToList();
        var latest = await Db.DataValues.AsNoTracking()
            .OrderBy(v => ids.Contains(v.OrgUnitId) ? 0 : 1).ThenByDescending(v => v.Period!.EndDate)
            .Select(v => new { v.Period!.Code, v.Period.StartDate })
            .FirstOrDefaultAsync();
        PeriodText = PeriodParam ?? (latest is null ? Clock.VietnamYear().ToString(CultureInfo.InvariantCulture)
            : DefaultToYear ? latest.StartDate.Year.ToString(CultureInfo.InvariantCulture) : latest.Code);
        try
        {
            Period = Domain.Periods.Period.Parse(PeriodText);
            Unit = string.IsNullOrWhiteSpace(UnitParam)
                ? Units.FirstOrDefault(u => u.Id == Actor.UnitId) ?? Units.FirstOrDefault()
                : await UnitResolver.ResolveAsync(UnitParam, Period);
            if (Unit is not null) await CurrentActor.RequireReadAsync(Unit);
        }
        catch (DomainException e)
        {
            PickError = e.Message;
            Unit = null;
        }
        catch (AccessDeniedException e)
        {
            // Another unit's page: say so, with the status an API client would get.
            PickError = e.Message;
            Unit = null;
            if (HttpContext is { Response.HasStarted: false }) HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        if (Unit is not null && Period is not null) await LoadAsync();
    }

    /// <summary>Loads the page's data once the unit and period are known and allowed.</summary>
    protected abstract Task LoadAsync();

    protected string Link(string path, string? unit = null, string? period = null) =>
        $"{path}?unit={Uri.EscapeDataString(unit ?? Unit?.Code ?? "")}&period={Uri.EscapeDataString(period ?? Period?.Id ?? PeriodText)}";

    protected static string UnitLabel(OrgUnit u) => $"{UnitKinds.VietnameseName(u.Kind)} {u.Name}";
}
