package dev.lifeboat.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Jersey (a malformed or ambiguous URI, a header too
 * large) get the same JSON body as the API's own errors, never an HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
  private final ObjectMapper json;

  public JsonErrorHandler(ObjectMapper json) {
    this.json = json;
  }

  /** Jetty writes error bodies only for GET, POST and HEAD; a refused TRACE deserves one too. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    String reason = HttpStatus.getMessage(code);
    ApiError error =
        ApiError.of(
            code,
            reason.toLowerCase(Locale.ROOT).replace(' ', '_'),
            message == null || message.isBlank() ? reason : message,
            List.of());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(error)), callback);
  }
}
