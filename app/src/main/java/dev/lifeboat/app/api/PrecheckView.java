package dev.lifeboat.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lifeboat.activities.precheck.CheckLine;
import dev.lifeboat.activities.precheck.CheckStatus;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.workflow.PrecheckReport;
import java.util.List;

/**
 * A precheck as {@code POST /api/plans/{name}/precheck} answers: the run it is recorded as, and,
 * when the caller waited for it, its verdict and every check, also as the lines the CLI prints.
 *
 * @param verdict {@code pass} when no check failed (warnings allowed), else {@code fail}; null
 *     while it runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrecheckView(
    String runId,
    String plan,
    String run,
    String status,
    String verdict,
    List<CheckLine> checks,
    List<String> lines) {
  static PrecheckView started(RunRow run) {
    return new PrecheckView(
        run.id(), run.planName(), link(run), run.status().apiName(), null, null, null);
  }

  static PrecheckView ended(RunRow run, PrecheckReport report) {
    boolean failed = report.count(CheckStatus.FAIL) > 0;
    return new PrecheckView(
        run.id(),
        run.planName(),
        link(run),
        report.status().apiName(),
        failed ? "fail" : "pass",
        report.checks(),
        report.checks().stream().map(CheckLine::format).toList());
  }

  private static String link(RunRow run) {
    return "/api/runs/" + run.id();
  }
}
