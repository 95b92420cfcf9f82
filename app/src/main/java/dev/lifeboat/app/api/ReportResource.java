package dev.lifeboat.app.api;

import dev.lifeboat.app.auth.Requires;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.report.ReportFormat;
import dev.lifeboat.app.report.ReportRenderer;
import dev.lifeboat.app.report.RunReport;
import dev.lifeboat.app.report.RunReports;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/runs/{id}/report?format=html|pdf|md|json|csv}: a run's report from the record,
 * with its hash chain checked now; HTML when no format is asked for. Its links to full step outputs
 * point at this server, as the caller reached it.
 */
@Path("/api/runs/{id}/report")
public final class ReportResource {
  private final RunReports reports;
  private final ReportRenderer renderer;

  public ReportResource(RunReports reports, ReportRenderer renderer) {
    this.reports = reports;
    this.renderer = renderer;
  }

  @GET
  @Requires(value = Role.VIEWER, action = "read a run's report")
  public Response report(
      @PathParam("id") String id, @QueryParam("format") String formatText, @Context UriInfo uri) {
    String runId = Names.runId(id);
    ReportFormat format = format(formatText);
    RunReport report =
        reports
            .of(runId, base(uri))
            .orElseThrow(() -> new ApiException(404, "unknown_run", "no run with id " + id));
    return Response.ok(renderer.render(report, format))
        .type(format.contentType())
        .header(
            "Content-Disposition",
            "inline; filename=\"lifeboat-run-" + runId + "." + format.apiName() + "\"")
        .build();
  }

  /** The format asked for; HTML when none is. */
  static ReportFormat format(String text) {
    if (text == null || text.isEmpty()) {
      return ReportFormat.HTML;
    }
    return ReportFormat.fromApiName(text)
        .orElseThrow(
            () ->
                new ApiException(
                    400,
                    "bad_format",
                    "format must be one of "
                        + ReportFormat.names()
                        + "; got '"
                        + Names.shortened(text)
                        + "'"));
  }

  /** The server's address as the caller reached it, without a trailing slash. */
  private static String base(UriInfo uri) {
    String base = uri.getBaseUri().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
