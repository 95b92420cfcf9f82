package dev.lifeboat.app.auth;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only {@code audit_events} table: who did what to access, and when. */
@RegisterConstructorMapper(AuditDao.AuditEvent.class)
public interface AuditDao {
  /** One audit event; {@code detail} is JSON text or null. {@code seq} is 0 until recorded. */
  record AuditEvent(
      long seq, Instant at, String actor, String action, String subject, String detail) {}

  @SqlUpdate(
      """
      insert into audit_events (at, actor, action, subject, detail)
      values (:at, :actor, :action, :subject, cast(:detail as jsonb))
      """)
  void append(@BindMethods AuditEvent event);

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
