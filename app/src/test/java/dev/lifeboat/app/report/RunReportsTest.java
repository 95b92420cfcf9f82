package dev.lifeboat.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestOneStepRun;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.api.ApiSetup;
import io.dropwizard.jackson.Jackson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A report assembled from a run recorded through the real store in PostgreSQL, with findings from a
 * fake of the findings port (the feature is built elsewhere): every format lists them, their
 * hostile titles inert; and a record edited in SQL shows as broken in the report.
 */
class RunReportsTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final String RUN = "66666666-6666-6666-6666-666666666666";
  static final Instant AT = TestOneStepRun.AT;
  static final ReportFinding FINDING =
      new ReportFinding(
          "f-1",
          "=HYPERLINK(\"http://evil\") <img src=x onerror=alert(1)>",
          "say",
          "dba-team",
          LocalDate.parse("2026-12-31"),
          "open",
          null);

  final ObjectMapper json = ApiSetup.strictJson(Jackson.newObjectMapper());
  Jdbi jdbi;
  RunReports reports;

  @BeforeEach
  void recordARun() {
    jdbi = TestRecord.create(pg, "lifeboat_run_reports").jdbi();
    TestOneStepRun.record(jdbi, RUN, "said hi");
    reports =
        new RunReports(
            jdbi,
            new FakeRunFindings(Map.of(RUN, List.of(FINDING))),
            json,
            Clock.fixed(AT.plusSeconds(60), ZoneOffset.UTC));
  }

  @Test
  void everyFormatListsTheRunsFindingsInert() throws Exception {
    RunReport report = reports.of(RUN, "https://lb.example").orElseThrow();
    ReportRenderer renderer = new ReportRenderer(json);

    assertThat(report.findings()).containsExactly(FINDING);
    assertThat(report.steps().get(0).durationMillis()).isEqualTo(2000);
    assertThat(report.steps().get(0).outputUrl())
        .isEqualTo("https://lb.example/api/runs/" + RUN + "/events/3");
    assertThat(report.generatedAt()).isEqualTo(AT.plusSeconds(60));

    String html = text(renderer.render(report, ReportFormat.HTML));
    assertThat(html)
        .contains("=HYPERLINK(&quot;http://evil&quot;) &lt;img src=x onerror=alert(1)&gt;")
        .contains("dba-team", "2026-12-31", "open")
        .doesNotContain("<img");
    String md = text(renderer.render(report, ReportFormat.MD));
    assertThat(md)
        .contains("| \\=HYPERLINK(\"http://evil\") \\<img src=x onerror=alert(1)\\> (f-1) | say |")
        .contains("| dba-team | 2026-12-31 | open |");
    JsonNode tree = json.readTree(renderer.render(report, ReportFormat.JSON));
    assertThat(tree.path("findings").get(0).path("due").asText()).isEqualTo("2026-12-31");
    assertThat(tree.path("findings").get(0).path("title").asText()).isEqualTo(FINDING.title());
    try (PDDocument pdf = Loader.loadPDF(renderer.render(report, ReportFormat.PDF))) {
      assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
          .contains("Findings", "<img src=x onerror=alert(1)>", "dba-team", "2026-12-31");
    }
  }

  @Test
  void aRecordEditedInSqlShowsAsBrokenInItsReport() {
    String database =
        jdbi.withHandle(h -> h.createQuery("select current_database()").mapTo(String.class).one());
    pg.execute(
        database,
        "set session_replication_role = replica",
        "update run_events set message = 'said nothing' where run_id = '" + RUN + "' and seq = 3");

    RunReport report = reports.of(RUN, "https://lb.example").orElseThrow();

    assertThat(report.integrity().status()).isEqualTo("broken");
    assertThat(report.integrity().broken()).startsWith("seq 3 edited: record 3 was changed");
    assertThat(text(new ReportRenderer(json).render(report, ReportFormat.HTML)))
        .contains("First break", "seq 3 edited");
  }

  @Test
  void anUnknownRunHasNoReport() {
    assertThat(reports.of("00000000-0000-0000-0000-000000000000", "https://lb.example")).isEmpty();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
