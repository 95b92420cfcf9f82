package dev.lifeboat.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestTokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * One run's report in every format, fetched as a viewer over real HTTP and read back: the PDF's
 * text extracted with PDFBox, the CSV by a strict RFC 4180 reader, the JSON by Jackson.
 *
 * @param csv one map per row, by column name
 */
record Reports(String html, String pdf, String md, JsonNode json, List<Map<String, String>> csv) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Reports of(TestApi api, String runId) throws Exception {
    String html = text(api, runId, "html", "text/html");
    String md = text(api, runId, "md", "text/markdown");
    JsonNode json = JSON.readTree(text(api, runId, "json", "application/json"));
    List<List<String>> rows = Csv.parse(text(api, runId, "csv", "text/csv"));
    assertThat(rows.get(0)).isEqualTo(CsvReport.HEADER);
    List<Map<String, String>> csv = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      assertThat(row).as("every row has every column").hasSameSizeAs(CsvReport.HEADER);
      Map<String, String> cells = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        cells.put(CsvReport.HEADER.get(i), row.get(i));
      }
      csv.add(cells);
    }
    return new Reports(html, pdfText(api, runId), md, json, csv);
  }

  /** The PDF text with line breaks and runs of spaces as one space (PDFBox breaks long words). */
  String pdfFlat() {
    return pdf.replaceAll("\\s+", " ");
  }

  private static String text(TestApi api, String runId, String format, String type)
      throws Exception {
    HttpResponse<String> answer = api.get(path(runId, format), TestTokens.VIEWER);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith(type);
    return answer.body();
  }

  private static String pdfText(TestApi api, String runId) throws Exception {
    HttpResponse<byte[]> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(api.uri(path(runId, "pdf")))
                    .header("Authorization", "Bearer " + TestTokens.VIEWER)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(answer.body())) {
      return new PDFTextStripper().getText(pdf);
    }
  }

  static String path(String runId, String format) {
    return "/api/runs/" + runId + "/report?format=" + format;
  }
}
