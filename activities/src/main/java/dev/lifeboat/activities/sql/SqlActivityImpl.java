package dev.lifeboat.activities.sql;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.BoundQueries;
import dev.lifeboat.activities.postgres.DatabaseNames;
import dev.lifeboat.activities.postgres.PostgresConnections;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.postgres.PostgresServers;
import io.temporal.activity.Activity;
import io.temporal.client.ActivityCompletionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the statement on its own thread with auto-commit, heartbeating every second meanwhile; when
 * the heartbeat says the run was cancelled (or the worker is shutting down) the statement is
 * cancelled on the server and the cancellation rethrown.
 */
public final class SqlActivityImpl implements SqlActivity {
  private static final Duration BEAT = Duration.ofSeconds(1);
  private static final String INVALID_CREDENTIALS = "28";
  private static final String SYNTAX_OR_ACCESS_RULE = "42";
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private final PostgresServers servers;

  public SqlActivityImpl(PostgresServers servers) {
    this.servers = servers;
  }

  @Override
  public SqlResult sql(SqlRequest request) {
    PostgresServer server = servers.require(request.server());
    DatabaseNames.requireSafe(request.database());
    long started = System.nanoTime();
    AtomicReference<Statement> running = new AtomicReference<>();
    CompletableFuture<Long> done =
        CompletableFuture.supplyAsync(
            () -> run(server, request, running::set), SqlActivityImpl::onOwnThread);
    long rows = await(done, running);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return new SqlResult(
        rows,
        millis,
        request.describe()
            + ": done"
            + (rows >= 0 ? " (" + rows + (rows == 1 ? " row" : " rows") + ")" : "")
            + " in "
            + millis
            + "ms");
  }

  private static long await(CompletableFuture<Long> done, AtomicReference<Statement> running) {
    while (true) {
      try {
        return done.get(BEAT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        try {
          Activity.getExecutionContext().heartbeat(null);
        } catch (ActivityCompletionException cancelled) {
          cancel(running.get());
          throw cancelled;
        }
      } catch (ExecutionException failed) {
        if (failed.getCause() instanceof RuntimeException e) {
          throw e;
        }
        throw new IllegalStateException(failed.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel(running.get());
        throw StepFailures.of(StepFailureType.UNAVAILABLE, "interrupted while the statement ran");
      }
    }
  }

  private static void onOwnThread(Runnable work) {
    Thread thread = new Thread(work, "lifeboat-sql");
    thread.setDaemon(true);
    thread.start();
  }

  private static void cancel(Statement statement) {
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException ignored) {
        // The statement ended meanwhile, or the connection is gone: nothing left to stop.
      }
    }
  }

  private static long run(
      PostgresServer server, SqlRequest request, java.util.function.Consumer<Statement> started) {
    try (Connection c = PostgresConnections.open(server, request.database())) {
      c.setAutoCommit(true);
      return BoundQueries.execute(c, request.statement(), request.binds(), started);
    } catch (IllegalArgumentException badPlaceholder) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT, request.describe() + ": " + badPlaceholder.getMessage());
    } catch (SQLException e) {
      throw failure(server, request, e);
    }
  }

  private static RuntimeException failure(
      PostgresServer server, SqlRequest request, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith(INVALID_CREDENTIALS)) {
      return PostgresConnections.failure("logging in for an sql step", server, e);
    }
    if (state.equals(INSUFFICIENT_PRIVILEGE)) {
      return StepFailures.of(
          StepFailureType.BAD_CONFIG,
          request.describe() + ": the configured user may not run it: " + e.getMessage());
    }
    if (state.startsWith(SYNTAX_OR_ACCESS_RULE)) {
      return StepFailures.of(
          StepFailureType.BAD_INPUT,
          request.describe()
              + ": the statement is wrong (SQLSTATE "
              + state
              + "): "
              + e.getMessage());
    }
    if (PostgresConnections.isUnreachable(e)) {
      return PostgresConnections.failure("running an sql step", server, e);
    }
    return StepFailures.of(
        StepFailureType.CHECK_FAILED,
        request.describe() + " failed (SQLSTATE " + state + "): " + e.getMessage());
  }
}
