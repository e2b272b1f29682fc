using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Gnbv.Web.Features.Admin;

/// <summary>Administration pages: the administrator only.</summary>
[Authorize(Roles = Domain.Users.Roles.Admin)]
public abstract class AdminPage : ComponentBase
{
    [Inject] protected AppDbContext Db { get; set; } = null!;
    [Inject] protected CurrentActor CurrentActor { get; set; } = null!;
    protected Actor Actor { get; private set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        Actor = await CurrentActor.GetAsync();
        await LoadAsync();
    }

    protected abstract Task LoadAsync();
}
