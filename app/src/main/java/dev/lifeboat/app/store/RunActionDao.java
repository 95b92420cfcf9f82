package dev.lifeboat.app.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only {@code run_actions} table. */
@RegisterConstructorMapper(RunActionRow.class)
public interface RunActionDao {
  @SqlUpdate(
      "insert into run_actions (run_id, action, actor, at) values (:runId, :action, :actor, :at)")
  void append(@BindMethods RunActionRow action);

  @SqlQuery(
      "select seq, run_id, action, actor, at from run_actions where run_id = :runId order by seq")
  List<RunActionRow> forRun(@Bind("runId") String runId);
}
