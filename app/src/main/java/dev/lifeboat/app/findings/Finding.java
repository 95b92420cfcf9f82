package dev.lifeboat.app.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A finding as it stands now: its identity (a {@code findings} row) and its state (the last of its
 * {@code finding_events}).
 *
 * @param run the run it came from; null for one made by hand without a run
 * @param step the step it is about, when there is one
 * @param objective {@code rto} or {@code rpo} for a missed objective, else null
 * @param note the closing note or the reason the risk is accepted, once given
 * @param overdue still open or in progress after its due date (UTC)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
    long id,
    String plan,
    String run,
    String step,
    String objective,
    String origin,
    String title,
    String status,
    String owner,
    LocalDate due,
    String note,
    boolean overdue,
    Instant createdAt,
    String createdBy) {}
