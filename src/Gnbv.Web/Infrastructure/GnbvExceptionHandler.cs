using Gnbv.Data.Imports;
using Gnbv.Domain;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gnbv.Web.Infrastructure;

/// <summary>
/// Turns the domain's errors into ProblemDetails (an HTML page for a browser on a page): a bad input
/// is a 400 naming the row, field and reason; anything unexpected is a 500 that shows no internals,
/// only the request id to quote, and is logged with its stack under that id.
/// </summary>
public sealed class GnbvExceptionHandler(ILogger<GnbvExceptionHandler> log) : IExceptionHandler
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
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => RequestSizeLimit.TooLarge(http),
            // The form reader's own limits (a part, a field or the number of fields too large).
            InvalidDataException { Source: "Microsoft.AspNetCore.WebUtilities" or "Microsoft.AspNetCore.Http" } e => RequestSizeLimit.FormTooLarge(e),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException } e => JsonBodies.Problem(e),
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "Yêu cầu không hợp lệ (bad request)", Detail = e.Message },
            _ => null,
        };
        if (problem is null)
        {
            // Since .NET 10 a handled exception is no longer logged by the middleware: log it here.
            log.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Lỗi hệ thống (internal error)",
                Detail = $"Hệ thống gặp lỗi khi xử lý yêu cầu. Xin báo quản trị viên mã yêu cầu {http.TraceIdentifier} (quote this request id).",
            };
        }
        await ErrorResponses.WriteAsync(http, problem, exception);
        return true;
    }
}
