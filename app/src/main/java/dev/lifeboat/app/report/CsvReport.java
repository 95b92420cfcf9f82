package dev.lifeboat.app.report;

import dev.lifeboat.app.report.RunReport.Attempt;
import dev.lifeboat.app.report.RunReport.StepReport;
import java.time.Instant;
import java.util.List;

/**
 * A run's timeline as CSV (RFC 4180: CRLF line ends, a field quoted when it holds a comma, quote or
 * line break, quotes doubled), one row per step attempt, a step that never started one row; a
 * tabletop step's acknowledgement (who, ok or gap, notes) on its rows. Spreadsheets run a cell that
 * starts with {@code = + - @} (or a tab or CR) as a formula, so such a cell gets a leading {@code
 * '}: the runbook and people's notes are not trusted with a reader's spreadsheet.
 */
final class CsvReport {
  static final List<String> HEADER =
      List.of(
          "run",
          "plan",
          "mode",
          "stage",
          "step",
          "kind",
          "step_status",
          "attempt",
          "activity",
          "started_at",
          "ended_at",
          "duration_ms",
          "outcome",
          "output_excerpt",
          "output_url",
          "acknowledged_by",
          "acknowledgement",
          "notes");

  private CsvReport() {}

  static String render(RunReport report) {
    StringBuilder out = new StringBuilder(256 * (report.steps().size() + 1));
    line(out, HEADER);
    for (StepReport step : report.steps()) {
      if (step.attempts().isEmpty()) {
        line(out, row(report, step, null));
      }
      for (Attempt attempt : step.attempts()) {
        line(out, row(report, step, attempt));
      }
    }
    return out.toString();
  }

  private static List<String> row(RunReport report, StepReport step, Attempt a) {
    RunReport.Acknowledgement ack = step.acknowledgement();
    return List.of(
        report.runId(),
        report.plan().name(),
        report.mode().apiName(),
        step.stage(),
        step.id(),
        step.kind(),
        step.status(),
        a == null ? "" : String.valueOf(a.attempt()),
        a == null || a.activity() == null ? "" : a.activity(),
        a == null ? "" : time(a.startedAt()),
        a == null ? "" : time(a.endedAt()),
        a == null || a.durationMillis() == null ? "" : String.valueOf(a.durationMillis()),
        a == null ? step.status() : a.outcome(),
        a == null || a.excerpt() == null ? "" : a.excerpt(),
        a == null || a.outputUrl() == null ? "" : a.outputUrl(),
        ack == null ? "" : ack.by(),
        ack == null ? "" : ack.outcome(),
        ack == null || ack.notes() == null ? "" : ack.notes());
  }

  private static String time(Instant at) {
    return at == null ? "" : at.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** One cell, made inert for spreadsheets and quoted as RFC 4180 asks. */
  static String cell(String value) {
    String safe =
        !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (safe.indexOf(',') < 0
        && safe.indexOf('"') < 0
        && safe.indexOf('\n') < 0
        && safe.indexOf('\r') < 0) {
      return safe;
    }
    return '"' + safe.replace("\"", "\"\"") + '"';
  }
}
