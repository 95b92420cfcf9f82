package dev.lifeboat.app.api;

import dev.lifeboat.app.auth.BearerTokenFilter;
import dev.lifeboat.app.refusal.Refusal;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Says a domain {@link Refusal} in HTTP: each kind's status, with the same JSON body as every other
 * error; a refusal for want of a token also names the scheme to use.
 */
final class RefusalMapper implements ExceptionMapper<Refusal> {
  @Override
  public Response toResponse(Refusal refusal) {
    int status = status(refusal.kind());
    Response response =
        ErrorMappers.respond(
            ApiError.of(status, refusal.code(), refusal.getMessage(), refusal.details()));
    if (refusal.kind() == Refusal.Kind.NOT_AUTHENTICATED) {
      return Response.fromResponse(response)
          .header(HttpHeaders.WWW_AUTHENTICATE, BearerTokenFilter.CHALLENGE)
          .build();
    }
    return response;
  }

  static int status(Refusal.Kind kind) {
    return switch (kind) {
      case NOT_AUTHENTICATED -> 401;
      case MALFORMED -> 400;
      case NOT_ALLOWED -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case INVALID -> 422;
      case UNAVAILABLE -> 503;
    };
  }
}
