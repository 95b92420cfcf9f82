package dev.lifeboat.app.api;

import static dev.lifeboat.app.api.ApiResources.as;
import static dev.lifeboat.app.api.ApiResources.assertRefused;
import static dev.lifeboat.app.api.ApiResources.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.compliance.ComplianceDao;
import dev.lifeboat.app.compliance.ComplianceHtml;
import dev.lifeboat.app.compliance.ComplianceView;
import dev.lifeboat.app.compliance.NoFindingsYet;
import dev.lifeboat.app.compliance.NoSchedulesYet;
import dev.lifeboat.app.compliance.PastRuns;
import dev.lifeboat.app.plans.PlanCatalog;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/compliance} and {@code GET /api/coverage} through the API's filters and mappers
 * (in-memory Jersey) over a real record: each format, the plan filter, and each bad request a 4xx
 * JSON error.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ComplianceResourceTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
  static final Jdbi record = TestRecord.create(pg, "lifeboat_compliance_api").jdbi();
  static final String HOSTILE = "Shop <script>alert(1)</script> & co";

  static final PlanCatalog catalog =
      new PlanCatalog(
          List.of(
              PastRuns.plan("billing", "=HYPERLINK(1)", "exercise: {drill_every: 90d}"),
              PastRuns.plan("shop", HOSTILE, "exercise: {tabletop_every: 180d}")),
          List.of());

  static final ComplianceView view =
      new ComplianceView(
          catalog,
          record.onDemand(ComplianceDao.class),
          new NoFindingsYet(),
          new NoSchedulesYet(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  final ResourceExtension api =
      ApiResources.builder(record)
          .addResource(new ComplianceResource(view, new ComplianceHtml(ApiResources.json())))
          .addResource(new CoverageResource(view))
          .build();

  @BeforeAll
  static void runs() {
    new PastRuns(record)
        .add(
            new PastRuns.PastRun(
                "billing",
                "drill",
                "succeeded",
                "pass",
                NOW.minus(Duration.ofDays(100)),
                Duration.ofMinutes(5),
                Duration.ofMinutes(4),
                Duration.ofMinutes(30)))
        .add("shop", "tabletop", "succeeded", null, NOW.minus(Duration.ofDays(10)))
        .write();
  }

  /** {@code path?query}, the query given as {@code name=value&...} (unencoded, simple values). */
  private Response get(String pathAndQuery) {
    String[] parts = pathAndQuery.split("\\?", 2);
    WebTarget target = api.target(parts[0]);
    if (parts.length == 2) {
      for (String pair : parts[1].split("&")) {
        String[] nameValue = pair.split("=", 2);
        target = target.queryParam(nameValue[0], nameValue[1]);
      }
    }
    return as(Role.VIEWER, target).get();
  }

  @Test
  void jsonIsTheDefaultAndSaysWhatIsOverdue() {
    JsonNode view = read(get("/api/compliance"), 200);
    assertThat(view.path("findingsTracked").asBoolean()).isFalse();
    assertThat(view.path("schedulesTracked").asBoolean()).isFalse();
    assertThat(view.path("summary").path("overdue").toString()).isEqualTo("[\"billing\"]");
    assertThat(view.path("summary").path("neverDrilled").toString()).isEqualTo("[\"shop\"]");
    JsonNode billing = view.path("plans").path(0);
    assertThat(billing.path("lastPassingDrill").path("ageDays").asLong()).isEqualTo(99);
    assertThat(billing.path("drillTrend").path(0).path("rtoSeconds").asLong()).isEqualTo(240);
    assertThat(billing.path("coverage").path(0).path("overdueDays").asLong()).isEqualTo(10);
    assertThat(billing.path("coverage").path(0).path("dueAt").asText())
        .isEqualTo("2026-06-20T12:05:00Z");
  }

  @Test
  void csvIsOneRowPerPlanWithFormulasDefused() {
    Response response = get("/api/compliance?format=csv");
    String csv = response.readEntity(String.class);
    assertThat(response.getStatus()).as(csv).isEqualTo(200);
    assertThat(response.getMediaType().toString()).startsWith("text/csv");
    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("plan,title,owner,rto,rpo,");
    assertThat(lines[1]).startsWith("billing,'=HYPERLINK(1),dba-team,15m,1h,");
    assertThat(lines[1]).endsWith(",90d,2026-06-20T12:05:00Z,overdue,10,,true");
  }

  @Test
  void htmlIsAPrintablePageWithRunbookTextEscaped() {
    Response response = get("/api/compliance?format=html");
    String page = response.readEntity(String.class);
    assertThat(response.getStatus()).as(page).isEqualTo(200);
    assertThat(response.getMediaType().toString()).startsWith("text/html");
    assertThat(page).contains("@media print", "overdue 10 days", "never drilled", "unscheduled");
    assertThat(page)
        .doesNotContain("<script>")
        .contains("Shop &lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
    assertThat(page).contains("Findings are not tracked by this Lifeboat yet");
  }

  @Test
  void thePlanFilterShowsOnePlan() {
    JsonNode view = read(get("/api/compliance?plan=shop&drills=1"), 200);
    assertThat(view.path("plans")).hasSize(1);
    assertThat(view.path("plans").path(0).path("plan").asText()).isEqualTo("shop");
    assertThat(view.path("drills").asInt()).isEqualTo(1);
  }

  @Test
  void coverageListsEachPlansOwedModes() {
    JsonNode coverage = read(get("/api/coverage"), 200);
    assertThat(coverage.path("plans")).hasSize(2);
    JsonNode shop = coverage.path("plans").path(1);
    assertThat(shop.path("plan").asText()).isEqualTo("shop");
    assertThat(shop.path("overdue").asBoolean()).isFalse();
    assertThat(shop.path("unscheduled").asBoolean()).isTrue();
    assertThat(shop.path("coverage").path(0).path("dueAt").asText())
        .isEqualTo("2026-12-17T12:10:00Z");
    assertThat(read(get("/api/coverage?plan=billing"), 200).path("plans")).hasSize(1);
  }

  @Test
  void badRequestsAreRefusedWithAJsonError() {
    assertRefused(get("/api/compliance?format=pdf"), 400, "unknown_format", "json, csv, html");
    assertRefused(get("/api/compliance?plan=payroll"), 404, "unknown_plan", "billing, shop");
    assertRefused(get("/api/coverage?plan=payroll"), 404, "unknown_plan", "payroll");
    assertRefused(get("/api/compliance?plan=Bad_Name"), 400, "bad_plan_name", "lower-case");
    assertRefused(get("/api/compliance?drills=0"), 400, "bad_drills", "1 to 50");
    assertRefused(get("/api/compliance?drills=51"), 400, "bad_drills", "1 to 50");
    assertRefused(
        api.target("/api/compliance").request().get(),
        401,
        "missing_token",
        "Authorization: Bearer");
  }
}
