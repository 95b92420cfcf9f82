package dev.lifeboat.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * Renders a {@link RunReport} in each {@link ReportFormat}: HTML and Markdown from FreeMarker
 * templates that escape every value, PDF from that HTML, JSON as the model itself, CSV one row per
 * step attempt. Safe to share between threads.
 */
public final class ReportRenderer {
  private final ReportTemplates templates = new ReportTemplates();
  private final ObjectMapper json;

  /** {@code json}: writes times as ISO-8601 text (the API's mapper does). */
  public ReportRenderer(ObjectMapper json) {
    this.json = json;
  }

  public byte[] render(RunReport report, ReportFormat format) {
    return switch (format) {
      case HTML -> utf8(templates.html(report));
      case PDF -> PdfReport.render(templates.html(report), null);
      case MD -> utf8(templates.markdown(report));
      case JSON -> json(report);
      case CSV -> utf8(CsvReport.render(report));
    };
  }

  private byte[] json(RunReport report) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a run report is not JSON-serialisable", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
