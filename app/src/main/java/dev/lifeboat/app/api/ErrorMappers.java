package dev.lifeboat.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.dropwizard.jersey.errors.EarlyEofExceptionMapper;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.jersey.validation.JerseyViolationExceptionMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into a JSON {@link ApiError}, so no client ever has to parse an HTML error
 * page or guess what was wrong. Replaces Dropwizard's default mappers (whose JSON errors do not
 * name the problem).
 */
public final class ErrorMappers {
  private ErrorMappers() {}

  public static void register(JerseyEnvironment jersey) {
    all().forEach(jersey::register);
  }

  /** Every mapper, for registering elsewhere too (e.g. an in-memory Jersey in tests). */
  public static List<Object> all() {
    return List.of(
        new ApiExceptionMapper(),
        new RefusalMapper(),
        new JsonMapper(),
        new WebApplicationMapper(),
        new JerseyViolationExceptionMapper(),
        new EarlyEofExceptionMapper(),
        new RecordUnavailableMapper(),
        new UnexpectedMapper());
  }

  static Response respond(ApiError error) {
    return Response.status(error.error().status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(error)
        .build();
  }

  static final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException exception) {
      return respond(exception.toError());
    }
  }

  /**
   * Bad JSON: says where and what, without echoing Jackson's internals. A body that refused one of
   * its values as it was read (e.g. {@link LaunchBody}'s mode) answers that refusal.
   */
  static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException exception) {
      if (exception.getCause() instanceof ApiException refusal) {
        return respond(refusal.toError());
      }
      return respond(ApiError.of(400, "bad_json", describe(exception), List.of()));
    }

    static String describe(JsonProcessingException exception) {
      String field = fieldPath(exception);
      if (exception instanceof UnrecognizedPropertyException unknown) {
        return "unknown field '"
            + unknown.getPropertyName()
            + "'"
            + (field.isEmpty() ? "" : " at " + field)
            + "; known fields: "
            + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
      }
      if (exception instanceof InvalidFormatException invalid) {
        return "field " + field + " has a value of the wrong type: '" + invalid.getValue() + "'";
      }
      if (exception instanceof MismatchedInputException mismatched) {
        return field.isEmpty()
            ? "the body does not have the expected shape: " + mismatched.getOriginalMessage()
            : "field " + field + " has the wrong type";
      }
      String location =
          exception.getLocation() == null
              ? ""
              : " at line "
                  + exception.getLocation().getLineNr()
                  + ", column "
                  + exception.getLocation().getColumnNr();
      return "the body is not valid JSON" + location + ": " + exception.getOriginalMessage();
    }

    private static String fieldPath(JsonProcessingException exception) {
      if (exception instanceof MismatchedInputException mismatched) {
        return mismatched.getPath().stream()
            .map(
                ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."));
      }
      return "";
    }
  }

  /** Jersey's own refusals (404, 405, 406, 415…) with a JSON body. */
  static final class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
      int status = exception.getResponse().getStatus();
      if (status >= 500) {
        return exception.getResponse();
      }
      String code =
          Response.Status.fromStatusCode(status) == null
              ? "http_" + status
              : Response.Status.fromStatusCode(status).name().toLowerCase();
      return respond(ApiError.of(status, code, exception.getMessage(), List.of()));
    }
  }
}
