package dev.lifeboat.app.api;

import dev.lifeboat.app.store.RecordUnavailable;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record cannot be reached: 503 with {@code Retry-After}, so a client (or a proxy) waits and
 * asks again instead of treating it as a bug.
 */
final class RecordUnavailableMapper implements ExceptionMapper<RecordUnavailable> {
  private static final Logger LOG = LoggerFactory.getLogger(RecordUnavailableMapper.class);

  /** Seconds: a PostgreSQL restart or failover takes about this long. */
  static final int RETRY_AFTER_SECONDS = 10;

  @Override
  public Response toResponse(RecordUnavailable exception) {
    LOG.warn("answered 503: {}", exception.getMessage());
    return Response.fromResponse(
            ErrorMappers.respond(
                ApiError.of(
                    503,
                    "record_unavailable",
                    "Lifeboat's record (its PostgreSQL database) cannot be reached just now;"
                        + " try again in a few seconds",
                    List.of())))
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .build();
  }
}
