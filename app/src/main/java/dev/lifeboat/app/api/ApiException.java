package dev.lifeboat.app.api;

import java.util.List;

/** A request the API refuses, with the status and the words to say why. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final List<String> details;

  public ApiException(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  public ApiException(int status, String code, String message, List<String> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = List.copyOf(details);
  }

  public ApiError toError() {
    return ApiError.of(status, code, getMessage(), details);
  }

  public int status() {
    return status;
  }
}
