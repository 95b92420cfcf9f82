package dev.lifeboat.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestOneStepRun;
import dev.lifeboat.app.TestRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lifeboat report} through the application's own main, in a JVM of its own, against a run
 * recorded in a real PostgreSQL with no Lifeboat server running.
 */
class ReportCommandTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final String RUN = "77777777-7777-7777-7777-777777777777";
  @TempDir Path dir;
  private String url;

  @BeforeEach
  void recordARun() throws Exception {
    TestRecord record = TestRecord.create(pg, "lifeboat_report_cli");
    Jdbi jdbi = record.jdbi();
    url = jdbi.withHandle(handle -> handle.getConnection().getMetaData().getURL());
    TestOneStepRun.record(jdbi, RUN, "=1+1 said hi");
  }

  @Test
  void writesTheCsvToAFileWithLinksToTheGivenServer() throws Exception {
    Path out = dir.resolve("report.csv");
    OfflineCli.Ended ended =
        OfflineCli.run(
            dir,
            url,
            List.of(
                "report",
                RUN,
                "--format",
                "csv",
                "--out",
                out.toString(),
                "--url",
                "https://lifeboat.example/"));

    assertThat(ended.exit()).as(ended.output()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .startsWith(RUN + ",example,drill,only,say,notify,succeeded,1,,")
        .contains(
            ",2000,succeeded,'=1+1 said hi,https://lifeboat.example/api/runs/"
                + RUN
                + "/events/3,");
  }

  @Test
  void printsMarkdownWithTheChainHeadWithoutAnOutFile() throws Exception {
    OfflineCli.Ended ended = OfflineCli.run(dir, url, List.of("report", RUN, "--format", "md"));

    assertThat(ended.exit()).as(ended.output()).isZero();
    assertThat(ended.output())
        .contains("# Run report: An example")
        .containsPattern("Record: intact \\(4 events\\)")
        .containsPattern("Chain head: `[0-9a-f]{64}`")
        .contains("```yaml\nname: example\n```");
  }

  @Test
  void refusesAnUnknownRunAndAnUnknownFormat() throws Exception {
    OfflineCli.Ended unknown =
        OfflineCli.run(dir, url, List.of("report", "00000000-0000-0000-0000-000000000000"));
    assertThat(unknown.exit()).isNotZero();
    assertThat(unknown.output())
        .contains("the record has no run 00000000-0000-0000-0000-000000000000");

    OfflineCli.Ended docx = OfflineCli.run(dir, url, List.of("report", RUN, "--format", "docx"));
    assertThat(docx.exit()).isNotZero();
    assertThat(docx.output()).contains("docx", "html", "pdf", "md", "json", "csv");
  }
}
