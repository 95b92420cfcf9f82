package dev.lifeboat.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads every request body itself, bounded, before anything parses it, and refuses what cannot be
 * read whole with a JSON error:
 *
 * <ul>
 *   <li>413 for a body over the limit: a declared {@code Content-Length} without reading, any other
 *       body as soon as it passes the limit. Bytes are counted <em>after</em> decoding, so a 1 MB
 *       gzip body that inflates to 1 GB is refused after 1 MiB of it.
 *   <li>400 for a body declared {@code Content-Encoding: gzip} that is not gzip.
 *   <li>400 for a body that stops arriving before its {@code Content-Length} (the connector's
 *       {@code idleTimeout} ends the wait).
 * </ul>
 *
 * The body is held in memory at most once, bounded by the limit.
 */
public final class RequestSizeLimit implements Filter {
  /** Launch bodies are a few hundred bytes; 1 MiB leaves room for any real plan's params. */
  public static final int DEFAULT_LIMIT = 1 << 20;

  private final int limitBytes;
  private final ObjectMapper json;

  public RequestSizeLimit(int limitBytes, ObjectMapper json) {
    this.limitBytes = limitBytes;
    this.json = json;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse answer = (HttpServletResponse) response;
    long declared = http.getContentLengthLong();
    if (declared > limitBytes) {
      refuse(answer, tooLarge(declared + " bytes"));
      return;
    }
    if (declared == 0) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body;
    try {
      body = readUpTo(http.getInputStream(), limitBytes + 1);
    } catch (IOException | RuntimeException unreadable) {
      refuse(answer, unreadable(unreadable, declared));
      return;
    }
    if (body.length > limitBytes) {
      refuse(answer, tooLarge("more than " + limitBytes + " bytes"));
      return;
    }
    // No Content-Length and nothing sent (a GET): the request goes on as it came.
    boolean noBody = declared < 0 && body.length == 0;
    chain.doFilter(noBody ? request : new BufferedRequest(http, body), response);
  }

  private ApiError tooLarge(String size) {
    return ApiError.of(
        413,
        "body_too_large",
        "the request body is "
            + size
            + " (counted after decoding any Content-Encoding); at most "
            + limitBytes
            + " bytes are accepted",
        List.of());
  }

  /**
   * A body that could not be read: the decoder refused it (not the gzip it was declared to be), or
   * it stopped arriving (the client went silent or closed). A RuntimeException that is neither is
   * not ours to explain.
   */
  private static ApiError unreadable(Exception failure, long declared) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ZipException) {
        return ApiError.of(
            400,
            "bad_encoding",
            "the request body is declared Content-Encoding: gzip but is not valid gzip ("
                + cause.getMessage()
                + ")",
            List.of());
      }
    }
    if (failure instanceof RuntimeException other) {
      throw other;
    }
    return ApiError.of(
        400,
        "body_incomplete",
        "the request body did not arrive whole"
            + (declared > 0 ? " (Content-Length: " + declared + ")" : "")
            + ": the client stopped sending or closed the connection",
        List.of());
  }

  private void refuse(HttpServletResponse response, ApiError error) throws IOException {
    response.setStatus(error.error().status());
    response.setContentType("application/json");
    // The rest of the body is not read; closing tells the client to stop sending.
    response.setHeader("Connection", "close");
    response.getOutputStream().write(json.writeValueAsBytes(error));
    response.flushBuffer();
  }

  private static byte[] readUpTo(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    for (int n;
        out.size() < max
            && (n = in.read(chunk, 0, Math.min(chunk.length, max - out.size()))) > 0; ) {
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }
}
