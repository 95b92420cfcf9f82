package dev.lifeboat.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A runbooks folder for app tests: the repository's example plan (so the shipped plan is what the
 * end-to-end test runs) plus small plans for the failure paths.
 */
public final class TestPlans {
  private TestPlans() {}

  /** A plan of one notify step, for tests of loading and reloading. */
  public static String oneStep(String name, String title) {
    return """
        name: %s
        title: %s
        owner: tests
        objectives: {rto: 5m, rpo: 1h}
        stages:
          - name: one
            steps:
              - {id: say, kind: notify, channel: log, message: hi}
        """
        .formatted(name, title);
  }

  public static Path folder() {
    try {
      Path folder = Files.createTempDirectory("lifeboat-runbooks");
      Files.copy(
          Path.of("..", "runbooks", "example-drill.yml"), folder.resolve("example-drill.yml"));
      Files.writeString(
          folder.resolve("needs-params.yml"),
          """
          name: needs-params
          title: A plan with a required, typed parameter
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          params:
            target: {type: string, required: true}
            copies: {type: integer, default: "1"}
          stages:
            - name: only
              steps:
                - id: say
                  kind: notify
                  channel: log
                  message: "copying to ${params.target}"
          """);
      Files.writeString(
          folder.resolve("waits-forever.yml"),
          """
          name: waits-forever
          title: Waits for a port nobody opens, so it can be cancelled
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          stages:
            - name: wait
              steps:
                - id: wait-for-port
                  kind: health-check
                  tcp: {host: 127.0.0.1, port: 9}
                  until_healthy: 10m
                  poll_interval: 200ms
                  timeout: 15m
            - name: after
              steps:
                - id: never
                  kind: notify
                  channel: log
                  message: "not reached"
          """);
      Files.writeString(
          folder.resolve("undoable.yml"),
          """
          name: undoable
          title: A step with an undo, then a long wait
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          stages:
            - name: mark
              steps:
                - id: mark
                  kind: notify
                  channel: log
                  message: marked
                  undo: {kind: notify, channel: log, message: unmarked}
            - name: hold
              steps:
                - {id: hold, kind: wait, duration: 10m}
          """);
      Files.writeString(
          folder.resolve("needs-approval.yml"),
          """
          name: needs-approval
          title: Two commanders approve before anything happens
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          stages:
            - name: approve
              steps:
                - id: two-people
                  kind: approval
                  approvers: 2
                  timeout: 10m
            - name: act
              steps:
                - {id: after, kind: notify, channel: log, message: approved}
          """);
      Files.writeString(
          folder.resolve("pauses.yml"),
          """
          name: pauses
          title: A step that fails and waits for a decision
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          stages:
            - name: check
              steps:
                - id: missing-dump
                  kind: verify-backup
                  path: /nonexistent/lifeboat/missing.dump
                  on_failure: pause
            - name: after
              steps:
                - {id: tell, kind: notify, channel: log, message: went on}
          """);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
