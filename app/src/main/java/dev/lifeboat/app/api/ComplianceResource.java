package dev.lifeboat.app.api;

import dev.lifeboat.app.auth.Requires;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.compliance.ComplianceCsv;
import dev.lifeboat.app.compliance.ComplianceHtml;
import dev.lifeboat.app.compliance.ComplianceReport;
import dev.lifeboat.app.compliance.ComplianceView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/compliance?format=json|csv|html&plan=NAME&drills=N}: the compliance view, every
 * plan or one, in the format asked (JSON when none). The HTML page is the one an auditor is sent
 * to; the CSV is one row per plan.
 */
@Path("/api/compliance")
public final class ComplianceResource {
  static final List<String> FORMATS = List.of("json", "csv", "html");
  static final MediaType CSV = new MediaType("text", "csv", "utf-8");

  private final ComplianceView view;
  private final ComplianceHtml html;

  public ComplianceResource(ComplianceView view, ComplianceHtml html) {
    this.view = view;
    this.html = html;
  }

  @GET
  @Requires(value = Role.VIEWER, action = "read the compliance view")
  public Response show(
      @QueryParam("format") String format,
      @QueryParam("plan") String plan,
      @QueryParam("drills") String drills) {
    String chosen = format(format);
    ComplianceReport report = read(view, plan, drills);
    return switch (chosen) {
      case "csv" ->
          Response.ok(ComplianceCsv.of(report), CSV)
              .header("Content-Disposition", "attachment; filename=\"compliance.csv\"")
              .build();
      case "html" ->
          Response.ok(html.of(report), MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build();
      default -> Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    };
  }

  /** The view for {@code plan} (all when absent), with {@code drills} drills per plan's trend. */
  static ComplianceReport read(ComplianceView view, String plan, String drills) {
    int perPlan =
        RunsResource.whole(
            "drills", drills, ComplianceView.DEFAULT_DRILLS, 1, ComplianceView.MAX_DRILLS);
    Optional<String> only =
        plan == null || plan.isEmpty() ? Optional.empty() : Optional.of(Names.plan(plan));
    return view.report(only, perPlan);
  }

  private static String format(String format) {
    if (format == null || format.isEmpty()) {
      return "json";
    }
    if (!FORMATS.contains(format)) {
      throw new ApiException(
          400,
          "unknown_format",
          "unknown format '"
              + Names.shortened(format)
              + "'; formats: "
              + String.join(", ", FORMATS));
    }
    return format;
  }
}
