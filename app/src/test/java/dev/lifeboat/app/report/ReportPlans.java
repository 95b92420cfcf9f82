package dev.lifeboat.app.report;

import dev.lifeboat.app.TestPlans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The plans the report tests run: one per kind of report (a drill that passes, one that fails after
 * retries, a tabletop, a recovery behind an approval), their text written to be hostile to every
 * format (markup, a spreadsheet formula, Markdown table breakers).
 */
final class ReportPlans {
  static final String HOSTILE = "<script>alert('x')</script> =cmd|' /C calc'!A0 | *bold*";

  private ReportPlans() {}

  static final String PASSES =
      """
      name: report-passes
      title: Shop drill <script>alert('title')</script>
      owner: dba-team
      # =cmd|' /C calc'!A0 and <b>markup</b> in a comment stay text in every report
      secrets:
        hook: env:LB_REPORT_TEST_HOOK
      objectives: {rto: 5m, rpo: 1h}
      params:
        backup_path: {type: string, required: true}
      stages:
        - name: verify
          steps:
            - {id: verify-dump, kind: verify-backup, path: "${params.backup_path}"}
        - name: announce
          steps:
            - id: mark
              kind: notify
              channel: log
              message: "drill begins"
              undo: {kind: notify, channel: log, message: "drill ends"}
        - name: work
          steps:
            - {id: say, kind: notify, channel: log, message: "restored"}
      """;

  static final String FAILS =
      """
      name: report-fails
      title: A drill whose check fails twice
      owner: dba-team
      objectives: {rto: 5m, rpo: 1h}
      stages:
        - name: check
          steps:
            - id: port-closed
              kind: health-check
              tcp: {host: 127.0.0.1, port: 9}
              retry: {attempts: 2, initial_interval: 200ms}
      """;

  static final String WALKED =
      """
      name: report-walked
      title: Tabletop walk-through
      owner: ops
      objectives: {rto: 5m, rpo: 1h}
      stages:
        - name: first
          steps:
            - {id: call-dba, kind: notify, channel: log, message: "call the DBA"}
        - name: second
          steps:
            - {id: check-port, kind: health-check, tcp: {host: 127.0.0.1, port: 9}}
        - name: third
          steps:
            - {id: tell-users, kind: notify, channel: log, message: "tell the users"}
      """;

  static final String RECOVERS =
      """
      name: report-recovers
      title: Recovery behind a commander's approval
      owner: incident-command
      objectives: {rto: 5m, rpo: 1h}
      stages:
        - name: approve
          steps:
            - {id: go-ahead, kind: approval, approvers: 1, timeout: 10m}
        - name: act
          steps:
            - {id: switch, kind: notify, channel: log, message: "switched"}
      """;

  static Path folder() {
    try {
      Path folder = TestPlans.folder();
      Files.writeString(folder.resolve("report-passes.yml"), PASSES);
      Files.writeString(folder.resolve("report-fails.yml"), FAILS);
      Files.writeString(folder.resolve("report-walked.yml"), WALKED);
      Files.writeString(folder.resolve("report-recovers.yml"), RECOVERS);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
