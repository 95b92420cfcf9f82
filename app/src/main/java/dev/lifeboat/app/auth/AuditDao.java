package dev.lifeboat.app.auth;

import dev.lifeboat.app.chain.ChainContent;
import dev.lifeboat.app.chain.ChainHash;
import dev.lifeboat.app.chain.RecordChains;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The append-only {@code audit_events} table: who did what to access, and when. */
@RegisterConstructorMapper(AuditDao.AuditEvent.class)
public interface AuditDao extends SqlObject {
  /** Serialises appends, so two cannot link to the same last event. */
  long CHAIN_LOCK = 0x4c_42_41_55_44_49_54L; // "LBAUDIT"

  /** One audit event; {@code detail} is JSON text or null. {@code seq} is 0 until recorded. */
  record AuditEvent(
      long seq, Instant at, String actor, String action, String subject, String detail) {}

  /** Appends {@code event} linked into the audit chain ({@link ChainHash}). */
  @Transaction
  default void append(AuditEvent event) {
    Handle handle = getHandle();
    String previous = RecordChains.lockAndLast(handle, CHAIN_LOCK, "audit_events");
    Instant at = event.at().truncatedTo(ChronoUnit.MICROS);
    String hash =
        ChainHash.next(
            previous,
            ChainContent.auditEvent(
                at, event.actor(), event.action(), event.subject(), event.detail()));
    insert(
        new AuditEvent(0, at, event.actor(), event.action(), event.subject(), event.detail()),
        previous,
        hash);
  }

  @SqlUpdate(
      """
      insert into audit_events (at, actor, action, subject, detail, previous_sha256, sha256)
      values (:at, :actor, :action, :subject, cast(:detail as jsonb), :previous, :hash)
      """)
  void insert(
      @BindMethods AuditEvent event, @Bind("previous") String previous, @Bind("hash") String hash);

  @SqlQuery(
      "select seq, at, actor, action, subject, detail::text as detail from audit_events order by seq")
  List<AuditEvent> all();

  @SqlQuery(
      """
      select seq, at, actor, action, subject, detail::text as detail from audit_events
       where subject = :subject order by seq
      """)
  List<AuditEvent> about(@Bind("subject") String subject);
}
