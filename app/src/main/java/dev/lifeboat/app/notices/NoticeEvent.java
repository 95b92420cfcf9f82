package dev.lifeboat.app.notices;

import dev.lifeboat.workflow.RunEventType;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The moments of a run its plan owner is told of ({@code notices.events} in config.yml), each with
 * its template ({@code notices/<name>.ftl} on the class path).
 */
public enum NoticeEvent {
  RUN_STARTED("run.started"),
  STEP_AWAITING_APPROVAL("step.awaiting_approval"),
  STEP_FAILED("step.failed"),
  STEP_AWAITING_DECISION("step.awaiting_decision"),
  /** Any end of the run (succeeded, failed, cancelled ...), told with its verdict. */
  RUN_FINISHED("run.finished");

  private final String configName;

  NoticeEvent(String configName) {
    this.configName = configName;
  }

  /** As config.yml spells it. */
  public String configName() {
    return configName;
  }

  /** The notice a run event warrants, if any. */
  public static Optional<NoticeEvent> of(RunEventType type) {
    if (type.runStatus() != null && type.runStatus().isTerminal()) {
      return Optional.of(RUN_FINISHED);
    }
    return Arrays.stream(values())
        .filter(event -> event != RUN_FINISHED && event.configName.equals(type.wireName()))
        .findFirst();
  }

  /** The event named {@code name} in config.yml; an unknown name says which names there are. */
  public static NoticeEvent named(String name) {
    return Arrays.stream(values())
        .filter(event -> event.configName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "notices.events: unknown event '"
                        + name
                        + "'; the events are "
                        + Arrays.stream(values())
                            .map(NoticeEvent::configName)
                            .collect(Collectors.joining(", "))));
  }
}
