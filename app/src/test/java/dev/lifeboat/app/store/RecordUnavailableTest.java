package dev.lifeboat.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.tomcat.jdbc.pool.PoolExhaustedException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** Which database failures mean "the record cannot be reached" (503) and which are bugs (500). */
class RecordUnavailableTest {
  @Test
  void recognisesTheServerGoingAwayWhereverJdbiWrappedIt() {
    assertThat(RecordUnavailable.in(new ConnectionException(new SQLException("refused", "08001"))))
        .isPresent();
    assertThat(
            RecordUnavailable.in(
                new UnableToExecuteStatementException(
                    new SQLException("terminating connection", "57P01"), null)))
        .isPresent();
    assertThat(RecordUnavailable.in(new SQLException("I/O error", "08006"))).isPresent();
    assertThat(RecordUnavailable.in(new SQLException("the database is starting up", "57P03")))
        .isPresent();
    assertThat(RecordUnavailable.in(new SQLException("too many clients", "53300"))).isPresent();
  }

  @Test
  void recognisesAPoolThatWaitedInVainForAConnection() {
    assertThat(RecordUnavailable.in(new ConnectionException(new PoolExhaustedException("30s"))))
        .isPresent();
    assertThat(RecordUnavailable.in(new SQLTransientConnectionException("timed out"))).isPresent();
  }

  @Test
  void leavesOtherDatabaseFailuresAlone() {
    assertThat(RecordUnavailable.in(new SQLException("duplicate key", "23505"))).isEmpty();
    assertThat(RecordUnavailable.in(new SQLException("syntax error", "42601"))).isEmpty();
    assertThat(RecordUnavailable.in(new SQLException("no state"))).isEmpty();
    assertThat(RecordUnavailable.in(new IllegalStateException("a bug"))).isEmpty();
  }

  @Test
  void keepsTheOriginalFailureAsItsCause() {
    ConnectionException failure = new ConnectionException(new SQLException("refused", "08001"));
    assertThat(RecordUnavailable.in(failure).orElseThrow().getCause()).isSameAs(failure);
  }
}
