namespace Gnbv.Web.Infrastructure.Auth;

/// <summary>The signed-in user may not see or change this unit's data: answered with 403.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
