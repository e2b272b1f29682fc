using Gnbv.Domain.Users;

namespace Gnbv.Web.Infrastructure.Auth;

/// <summary>Named authorization policies. Unit scope is checked per resource by <see cref="CurrentActor"/>.</summary>
public static class Policies
{
    public const string DataWriter = "data-writer";
    public const string Admin = "admin";
    public const string Scheme = "gnbv";
    public const string TokenScheme = "gnbv-token";

    public static readonly string[] DataWriterRoles = [Roles.CommuneOfficer, Roles.DistrictOfficer, Roles.Admin];
}
