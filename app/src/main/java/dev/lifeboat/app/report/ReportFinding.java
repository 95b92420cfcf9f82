package dev.lifeboat.app.report;

import java.time.LocalDate;

/**
 * One finding as a run's report lists it.
 *
 * @param stepId the step it was raised on; null for a finding about the whole run
 * @param owner who must act on it
 * @param due when it must be closed by; null when no date was set
 * @param status e.g. {@code open}, {@code in_progress}, {@code closed}, {@code accepted_risk}
 * @param note the closing note or the accepted risk's reason; null while open
 */
public record ReportFinding(
    String id,
    String title,
    String stepId,
    String owner,
    LocalDate due,
    String status,
    String note) {}
