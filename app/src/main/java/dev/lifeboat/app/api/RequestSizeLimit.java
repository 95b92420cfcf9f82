package dev.lifeboat.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses request bodies over a limit with 413 and a JSON error, before anything parses them. A
 * declared {@code Content-Length} is refused without reading; a chunked body is read up to the
 * limit (so it is held in memory at most once, bounded) and refused as soon as it passes it.
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
    long declared = http.getContentLengthLong();
    if (declared > limitBytes) {
      refuse((HttpServletResponse) response, declared + " bytes");
      return;
    }
    if (declared >= 0 || !"chunked".equalsIgnoreCase(http.getHeader("Transfer-Encoding"))) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readUpTo(http.getInputStream(), limitBytes + 1);
    if (body.length > limitBytes) {
      refuse((HttpServletResponse) response, "more than " + limitBytes + " bytes");
      return;
    }
    chain.doFilter(new BufferedBody(http, body), response);
  }

  private void refuse(HttpServletResponse response, String size) throws IOException {
    ApiError error =
        ApiError.of(
            413,
            "body_too_large",
            "the request body is " + size + "; at most " + limitBytes + " bytes are accepted",
            List.of());
    response.setStatus(413);
    response.setContentType("application/json");
    // The rest of an oversized upload is not read; closing tells the client to stop sending.
    response.setHeader("Connection", "close");
    response.getOutputStream().write(json.writeValueAsBytes(error));
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

  /** The request with its already-read body served from memory. */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body is already read; no async reading");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
