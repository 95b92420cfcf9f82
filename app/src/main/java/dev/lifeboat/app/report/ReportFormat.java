package dev.lifeboat.app.report;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats a run's report is rendered in, each with its content type and file extension. */
public enum ReportFormat {
  HTML("html", "text/html; charset=utf-8"),
  PDF("pdf", "application/pdf"),
  MD("md", "text/markdown; charset=utf-8"),
  JSON("json", "application/json"),
  CSV("csv", "text/csv; charset=utf-8");

  private final String apiName;
  private final String contentType;

  ReportFormat(String apiName, String contentType) {
    this.apiName = apiName;
    this.contentType = contentType;
  }

  /** As the API and the CLI spell it, e.g. {@code md}; also the file extension. */
  public String apiName() {
    return apiName;
  }

  public String contentType() {
    return contentType;
  }

  public static Optional<ReportFormat> fromApiName(String text) {
    return Arrays.stream(values()).filter(format -> format.apiName.equals(text)).findFirst();
  }

  /** {@code html, pdf, md, json, csv}: for messages naming what is allowed. */
  public static String names() {
    return Arrays.stream(values()).map(ReportFormat::apiName).collect(Collectors.joining(", "));
  }
}
