using Gnbv.Data.Imports;
using Gnbv.Domain;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gnbv.Web.Infrastructure;

/// <summary>Turns the domain's errors into ProblemDetails: a bad input is a 400 naming the row, field and reason.</summary>
public sealed class GnbvExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            ImportFailedException e => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Dữ liệu không hợp lệ, không ghi gì (invalid data, nothing written)",
                Detail = e.Message,
                Extensions =
                {
                    ["errors"] = e.Errors.Select(x => new { row = x.Index, line = x.Line, section = x.Section, field = x.Field, message = x.Message, location = x.Location }).ToList(),
                },
            },
            ImportForbiddenException e => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Không có quyền (forbidden), không ghi gì",
                Detail = e.Message,
                Extensions = { ["errors"] = e.Errors.Select(x => new { row = x.Index, line = x.Line, section = x.Section, field = x.Field, message = x.Message, location = x.Location }).ToList() },
            },
            Data.Concurrency.EditConflictException e => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Dữ liệu vừa được người khác sửa, không ghi gì (edit conflict, nothing written)",
                Detail = e.Message,
                Extensions =
                {
                    ["conflicts"] = e.Conflicts.Select(c => new
                    {
                        kind = c.Kind, key = c.Key, expectedVersion = c.ExpectedVersion, currentVersion = c.CurrentVersion,
                        currentValue = c.CurrentValue, changedBy = c.ChangedBy, changedAt = c.ChangedAt, message = c.Message,
                    }).ToList(),
                },
            },
            AccessDeniedException e => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Không có quyền (forbidden)", Detail = e.Message },
            Domain.Workflow.WorkflowConflictException e => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Xung đột trạng thái (conflict)", Detail = e.Message },
            DomainException e => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Yêu cầu không hợp lệ (bad request)", Detail = e.Message },
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "Yêu cầu không hợp lệ (bad request)", Detail = e.Message },
            _ => null,
        };
        if (problem is null) return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}
