package dev.lifeboat.app.store;

import dev.lifeboat.app.chain.ChainContent;
import dev.lifeboat.app.chain.ChainHash;
import dev.lifeboat.app.chain.RecordChains;
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

/** The append-only {@code run_actions} table. */
@RegisterConstructorMapper(RunActionRow.class)
public interface RunActionDao extends SqlObject {
  /** Serialises appends, so two cannot link to the same last action. */
  long CHAIN_LOCK = 0x4c_42_41_43_54_4eL; // "LBACTN"

  /** Appends {@code action} linked into the run actions' chain ({@link ChainHash}). */
  @Transaction
  default void append(RunActionRow action) {
    Handle handle = getHandle();
    String previous = RecordChains.lockAndLast(handle, CHAIN_LOCK, "run_actions");
    RunActionRow row =
        new RunActionRow(
            0,
            action.runId(),
            action.action(),
            action.actor(),
            action.at().truncatedTo(ChronoUnit.MICROS));
    insert(row, previous, ChainHash.next(previous, content(row, null)));
  }

  /** The canonical content of an action as its chain hashes it. */
  static String content(RunActionRow action, String detail) {
    return ChainContent.runAction(
        action.runId(), action.action(), action.actor(), action.at(), detail);
  }

  @SqlUpdate(
      """
      insert into run_actions (run_id, action, actor, at, previous_sha256, sha256)
      values (:runId, :action, :actor, :at, :previous, :hash)
      """)
  void insert(
      @BindMethods RunActionRow action,
      @Bind("previous") String previous,
      @Bind("hash") String hash);

  @SqlQuery(
      "select seq, run_id, action, actor, at from run_actions where run_id = :runId order by seq")
  List<RunActionRow> forRun(@Bind("runId") String runId);
}
