package dev.lifeboat.app.api;

import dev.lifeboat.app.auth.Requires;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.compliance.ComplianceReport;
import dev.lifeboat.app.compliance.ComplianceView;
import dev.lifeboat.app.compliance.ModeCoverage;
import dev.lifeboat.app.compliance.PlanCompliance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/coverage?plan=NAME}: each plan's coverage against its {@code exercise:} policy
 * (next due date, overdue with days, unscheduled), the part of the compliance view a scheduler or a
 * dashboard polls.
 */
@Path("/api/coverage")
@Produces(MediaType.APPLICATION_JSON)
public final class CoverageResource {
  private final ComplianceView view;

  public CoverageResource(ComplianceView view) {
    this.view = view;
  }

  /** The coverage of every plan, or of {@code plan}. */
  public record CoverageView(
      boolean schedulesTracked, Instant generatedAt, List<PlanCoverage> plans) {}

  /**
   * One plan: {@code overdue} when any owed mode is overdue or never passed, {@code unscheduled}
   * when any owed mode has no schedule in time; {@code coverage} empty without an exercise policy.
   */
  public record PlanCoverage(
      String plan,
      String owner,
      boolean overdue,
      boolean unscheduled,
      List<ModeCoverage> coverage) {}

  @GET
  @Requires(value = Role.VIEWER, action = "read the drill coverage")
  public CoverageView show(@QueryParam("plan") String plan) {
    ComplianceReport report = ComplianceResource.read(view, plan, null);
    return new CoverageView(
        report.schedulesTracked(),
        report.generatedAt(),
        report.plans().stream().map(CoverageResource::coverage).toList());
  }

  private static PlanCoverage coverage(PlanCompliance plan) {
    return new PlanCoverage(
        plan.plan(), plan.owner(), plan.overdue(), plan.unscheduled(), plan.coverage());
  }
}
