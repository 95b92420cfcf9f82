package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.api.ApiSetup;
import dev.lifeboat.app.findings.FindingStore;
import dev.lifeboat.app.report.RecordedRunFindings;
import dev.lifeboat.app.report.ReportFormat;
import dev.lifeboat.app.report.ReportRenderer;
import dev.lifeboat.app.report.RunReport;
import dev.lifeboat.app.report.RunReports;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat report RUN --format html|pdf|md|json|csv [--out FILE] config.yml}: a run's
 * report, made from the record database like {@code audit verify}, so it works without the server:
 * after a disaster the server may be gone while the record (or a copy of it) is not, and that is
 * when the evidence is asked for. Reading the database needs its credentials, which the
 * configuration holds; the API's viewer rule guards the same report over HTTP.
 */
public final class ReportCommand extends ConfiguredCommand<LifeboatConfiguration> {
  private final OutputStream stdout;

  /** {@code stdout}: where the report goes without {@code --out} ({@code System.out}). */
  public ReportCommand(OutputStream stdout) {
    super("report", "Write a run's report (HTML, PDF, Markdown, JSON or CSV) from the record");
    this.stdout = stdout;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("run").help("the id of the run");
    subparser
        .addArgument("--format")
        .choices(Arrays.stream(ReportFormat.values()).map(ReportFormat::apiName).toList())
        .setDefault("html")
        .help("the report's format (default html)");
    subparser.addArgument("--out").help("the file to write (default: standard output)");
    subparser
        .addArgument("--url")
        .setDefault("http://127.0.0.1:8080")
        .help("the server the report's links to full step outputs point at");
    super.configure(subparser);
  }

  @Override
  protected void run(
      Bootstrap<LifeboatConfiguration> bootstrap,
      Namespace namespace,
      LifeboatConfiguration configuration)
      throws Exception {
    ReportFormat format = ReportFormat.fromApiName(namespace.getString("format")).orElseThrow();
    String runId = namespace.getString("run");
    ObjectMapper json = ApiSetup.strictJson(bootstrap.getObjectMapper());
    String url = namespace.getString("url").replaceAll("/+$", "");
    OfflineRecord.use(
        bootstrap,
        configuration,
        "lifeboat-report",
        record -> {
          RunReport report =
              new RunReports(
                      record,
                      new RecordedRunFindings(new FindingStore(record, json, Clock.systemUTC())),
                      json,
                      Clock.systemUTC())
                  .of(runId, url)
                  .orElseThrow(
                      () -> new IllegalArgumentException("the record has no run " + runId));
          byte[] rendered = new ReportRenderer(json).render(report, format);
          String out = namespace.getString("out");
          if (out == null) {
            stdout.write(rendered);
            stdout.flush();
          } else {
            Files.write(Path.of(out), rendered);
          }
        });
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}
