package dev.lifeboat.app.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.query.v1.WorkflowQuery;
import io.temporal.api.workflowservice.v1.QueryWorkflowRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowResponse;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DataConverterException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks a workflow a query and gives up after a deadline of its own. A query is answered by a worker
 * running the workflow; when none is (the worker is gone, or busy elsewhere), Temporal holds the
 * query until the deadline. The SDK's typed stub retries a query that ran out of time for up to a
 * minute, whatever {@code rpcQueryTimeout} says, so this sends the one gRPC call itself, with a
 * per-call deadline, and decodes the answer with the client's data converter.
 */
public final class WorkflowQueries {
  private final TemporalConnection connection;
  private final DataConverter converter;
  private final Duration deadline;

  public WorkflowQueries(TemporalConnection connection, Duration deadline) {
    this.connection = connection;
    this.converter = connection.client().getOptions().getDataConverter();
    this.deadline = deadline;
  }

  /** Why a workflow did not answer, in words for a person reading the API's answer. */
  public static final class Unanswered extends Exception {
    Unanswered(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The answer of {@code queryType} from the workflow {@code workflowId} (its current run).
   *
   * @throws Unanswered when it did not answer within the deadline, does not exist, refused the
   *     query, or Temporal could not be reached
   */
  public <T> T ask(String workflowId, String queryType, Class<T> type) throws Unanswered {
    QueryWorkflowRequest request =
        QueryWorkflowRequest.newBuilder()
            .setNamespace(connection.namespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
            .setQuery(WorkflowQuery.newBuilder().setQueryType(queryType))
            .build();
    QueryWorkflowResponse response;
    try {
      response =
          connection
              .stubs()
              .blockingStub()
              .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
              .queryWorkflow(request);
    } catch (StatusRuntimeException e) {
      throw new Unanswered(describe(e.getStatus()), e);
    }
    if (response.hasQueryRejected()) {
      throw new Unanswered(
          "it refused the query (workflow status "
              + response.getQueryRejected().getStatus().name()
              + ")",
          null);
    }
    try {
      return converter.fromPayloads(0, Optional.of(response.getQueryResult()), type, type);
    } catch (DataConverterException e) {
      throw new Unanswered("its answer could not be read: " + e.getMessage(), e);
    }
  }

  private String describe(Status status) {
    return switch (status.getCode()) {
      case DEADLINE_EXCEEDED ->
          "it did not answer within "
              + deadline.toSeconds()
              + "s (no worker is running it, or the workers are overloaded)";
      case NOT_FOUND -> "Temporal has no such workflow";
      case UNAVAILABLE -> "Temporal could not be reached";
      default -> "Temporal answered " + status.getCode() + ": " + status.getDescription();
    };
  }
}
