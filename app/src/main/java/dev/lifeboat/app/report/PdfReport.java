package dev.lifeboat.app.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The PDF of a report, rendered by openhtmltopdf from the HTML report itself (so the two cannot
 * differ), on A4 by the page rules of its print stylesheet. Uses the PDF's standard fonts: no font
 * file is read, so rendering needs nothing but the HTML.
 */
final class PdfReport {
  private PdfReport() {}

  /** {@code html} must be well-formed XHTML, as the report template writes it. */
  static byte[] render(String html, String baseUri) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, baseUri);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("the PDF report could not be written", e);
    }
    return out.toByteArray();
  }
}
