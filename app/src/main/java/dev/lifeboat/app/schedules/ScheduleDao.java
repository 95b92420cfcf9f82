package dev.lifeboat.app.schedules;

import dev.lifeboat.app.chain.ChainContent;
import dev.lifeboat.app.chain.ChainHash;
import dev.lifeboat.app.chain.RecordChains;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** {@code schedules} and their append-only, hash-chained {@code schedule_events}. */
@RegisterConstructorMapper(ScheduleRow.class)
@RegisterConstructorMapper(ScheduleEventRow.class)
public interface ScheduleDao extends SqlObject {
  /** Serialises appends, so two cannot link to the same last event. */
  long CHAIN_LOCK = 0x4c_42_53_43_48_45_44L; // "LBSCHED"

  String COLUMNS =
      "id, plan, mode, cron, zone, params::text as params, overlap, paused, owner, created_by,"
          + " created_at, deleted_by, deleted_at";

  /** Records a new schedule and its {@code created} event together. */
  @Transaction
  default void create(ScheduleRow schedule) {
    ScheduleRow row = withMicros(schedule);
    insertSchedule(row);
    append(
        new ScheduleEventRow(
            0, row.id(), "created", row.createdAt(), row.createdBy(), null, null, null));
  }

  /** Moves the paused flag and records who did it, in one transaction. */
  @Transaction
  default void setPaused(String id, boolean paused, String actor, Instant at) {
    updatePaused(id, paused);
    append(new ScheduleEventRow(0, id, paused ? "paused" : "resumed", at, actor, null, null, null));
  }

  /** Marks the schedule deleted (its history stays) and records who did it. */
  @Transaction
  default void markDeleted(String id, String actor, Instant at) {
    Instant when = at.truncatedTo(ChronoUnit.MICROS);
    updateDeleted(id, actor, when);
    append(new ScheduleEventRow(0, id, "deleted", when, actor, null, null, null));
  }

  /**
   * Appends {@code event} linked into the schedule events' chain ({@link ChainHash}). A fire or
   * skip already recorded for the same schedule, type and fire time is not appended again (a
   * retried activity); returns whether it was appended.
   */
  @Transaction
  default boolean append(ScheduleEventRow event) {
    Handle handle = getHandle();
    String previous = RecordChains.lockAndLast(handle, CHAIN_LOCK, "schedule_events");
    ScheduleEventRow row =
        new ScheduleEventRow(
            0,
            event.scheduleId(),
            event.type(),
            event.at().truncatedTo(ChronoUnit.MICROS),
            event.actor(),
            event.fireAt() == null ? null : event.fireAt().truncatedTo(ChronoUnit.MICROS),
            event.runId(),
            event.message());
    if (row.fireAt() != null && fire(row.scheduleId(), row.type(), row.fireAt()).isPresent()) {
      return false;
    }
    insertEvent(row, previous, ChainHash.next(previous, content(row)));
    return true;
  }

  /** The canonical content of an event as its chain hashes it. */
  static String content(ScheduleEventRow row) {
    return ChainContent.scheduleEvent(
        row.scheduleId(),
        row.type(),
        row.at(),
        row.actor(),
        row.fireAt(),
        row.runId(),
        row.message());
  }

  private static ScheduleRow withMicros(ScheduleRow s) {
    return new ScheduleRow(
        s.id(),
        s.plan(),
        s.mode(),
        s.cron(),
        s.zone(),
        s.params(),
        s.overlap(),
        s.paused(),
        s.owner(),
        s.createdBy(),
        s.createdAt().truncatedTo(ChronoUnit.MICROS),
        null,
        null);
  }

  @SqlUpdate(
      """
      insert into schedules (id, plan, mode, cron, zone, params, overlap, paused, owner,
                             created_by, created_at)
      values (:id, :plan, :mode, :cron, :zone, cast(:params as jsonb), :overlap, :paused, :owner,
              :createdBy, :createdAt)
      """)
  void insertSchedule(@BindMethods ScheduleRow schedule);

  @SqlUpdate("update schedules set paused = :paused where id = :id")
  void updatePaused(@Bind("id") String id, @Bind("paused") boolean paused);

  @SqlUpdate("update schedules set deleted_by = :actor, deleted_at = :at where id = :id")
  void updateDeleted(@Bind("id") String id, @Bind("actor") String actor, @Bind("at") Instant at);

  @SqlUpdate(
      """
      insert into schedule_events (schedule_id, type, at, actor, fire_at, run_id, message,
                                   previous_sha256, sha256)
      values (:scheduleId, :type, :at, :actor, :fireAt, :runId, :message, :previous, :hash)
      """)
  void insertEvent(
      @BindMethods ScheduleEventRow event,
      @Bind("previous") String previous,
      @Bind("hash") String hash);

  @SqlQuery("select " + COLUMNS + " from schedules where id = :id")
  Optional<ScheduleRow> find(@Bind("id") String id);

  @SqlQuery(
      "select " + COLUMNS + " from schedules where deleted_at is null order by created_at, id")
  List<ScheduleRow> live();

  @SqlQuery(
      """
      select seq, schedule_id, type, at, actor, fire_at, run_id, message from schedule_events
       where schedule_id = :id order by seq
      """)
  List<ScheduleEventRow> events(@Bind("id") String id);

  @SqlQuery(
      """
      select seq, schedule_id, type, at, actor, fire_at, run_id, message from schedule_events
       where schedule_id = :id and type = :type and fire_at = :fireAt
      """)
  Optional<ScheduleEventRow> fire(
      @Bind("id") String id, @Bind("type") String type, @Bind("fireAt") Instant fireAt);

  /** The latest fire time recorded (fired, late, skipped), or null when it never fired. */
  @SqlQuery(
      """
      select max(fire_at) from schedule_events
       where schedule_id = :id and type in ('fired', 'late_fired', 'skipped')
      """)
  Optional<Instant> lastFireAt(@Bind("id") String id);

  /** The run the schedule launched last, or empty. */
  @SqlQuery(
      """
      select run_id from schedule_events where schedule_id = :id and run_id is not null
       order by seq desc limit 1
      """)
  Optional<String> lastRunId(@Bind("id") String id);
}
