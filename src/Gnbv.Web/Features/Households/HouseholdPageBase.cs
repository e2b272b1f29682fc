using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Users;
using Gnbv.Domain.Households;
using Gnbv.Domain.Units;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Households;

/// <summary>What the registry's pages share: the caller, the units they may read, and how a refusal is shown (403, as the API says it).</summary>
public abstract class HouseholdPageBase : ComponentBase
{
    [Inject] protected AppDbContext Db { get; set; } = null!;
    [Inject] protected CurrentActor CurrentActor { get; set; } = null!;
    [Inject] protected NavigationManager Nav { get; set; } = null!;
    [Inject] protected TimeProvider Clock { get; set; } = null!;
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    // Blazor renders once when initialisation first waits: until the caller is known, nobody with no rights.
    protected Actor Actor { get; private set; } = new("", Gnbv.Domain.Users.Roles.Viewer, null, null);
    protected List<OrgUnit> Units { get; private set; } = [];
    protected string? Error { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Actor = await CurrentActor.GetAsync();
        Units = await (await CurrentActor.ReadableUnitsAsync()).AsNoTracking()
            .Where(u => u.Kind != UnitKind.Village).OrderBy(u => u.Path).ToListAsync();
        try
        {
            await LoadAsync();
        }
        catch (AccessDeniedException e)
        {
            Error = e.Message;
            if (HttpContext is { Response.HasStarted: false }) HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (Gnbv.Domain.DomainException e)
        {
            Error = e.Message;
        }
    }

    protected abstract Task LoadAsync();

    protected OrgUnit? OwnUnit => Units.FirstOrDefault(u => u.Id == Actor.UnitId) ?? Units.FirstOrDefault();

    protected static string UnitLabel(OrgUnit u) => $"{UnitKinds.VietnameseName(u.Kind)} {u.Name}";

    protected static string StatusLabel(string? code) => code is null ? "" : Capitalise(HouseholdStatuses.VietnameseName(HouseholdRowParser.ParseStatus(code) ?? HouseholdStatus.NotPoor));

    protected static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    protected static string Q(string? value) => Uri.EscapeDataString(value ?? "");
}
