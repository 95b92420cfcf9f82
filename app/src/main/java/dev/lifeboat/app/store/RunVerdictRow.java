package dev.lifeboat.app.store;

/**
 * A run's verdict as {@code runs} holds it (migration V4).
 *
 * @param verdict {@code pass} or {@code fail}
 * @param reasons the reasons as recorded (JSON array text), empty on a pass
 * @param rtoMillis RTO achieved, null when not measured
 * @param rpoMillis RPO observed, null when not measured
 */
public record RunVerdictRow(
    String runId,
    String verdict,
    String reasons,
    Long rtoMillis,
    Long rpoMillis,
    String rtoStep,
    String rpoBackup) {}
