package dev.lifeboat.app.api;

import dev.lifeboat.app.store.RecordUnavailable;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * Everything no other mapper claims. A database failure that means the record cannot be reached is
 * a {@link RecordUnavailable}, whichever layer it surfaced from (a DAO, a transaction, the token
 * lookup in the authentication filter); anything else is a bug, logged with an id that the 500
 * answer names.
 */
final class UnexpectedMapper extends LoggingExceptionMapper<Throwable> {
  private final RecordUnavailableMapper unavailable = new RecordUnavailableMapper();

  @Override
  public Response toResponse(Throwable exception) {
    Optional<RecordUnavailable> outage = RecordUnavailable.in(exception);
    if (outage.isPresent()) {
      return unavailable.toResponse(outage.get());
    }
    long id = logException(exception);
    return ErrorMappers.respond(
        ApiError.of(500, "internal_error", formatErrorMessage(id, exception), List.of()));
  }
}
