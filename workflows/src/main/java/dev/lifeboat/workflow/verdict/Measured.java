package dev.lifeboat.workflow.verdict;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;

/**
 * What a run measured, each null when it could not be measured.
 *
 * @param rto RTO achieved: from the run's start to {@code rtoStep}'s end
 * @param rtoStep the step whose end counts: the one marked {@code restores_service: true}, else the
 *     last of the last stage to end
 * @param rtoTo what {@code rtoStep}'s end stands for, or why the RTO was not measured
 * @param rpo RPO observed: the age, when it was checked, of the newest backup verified
 * @param rpoBackup which backup that was: its path, the step that verified it, when it was taken
 *     and by what clock (dump header or file mtime)
 */
public record Measured(
    @JsonSerialize(using = DurationText.class) Duration rto,
    String rtoStep,
    String rtoTo,
    @JsonSerialize(using = DurationText.class) Duration rpo,
    String rpoBackup) {}
