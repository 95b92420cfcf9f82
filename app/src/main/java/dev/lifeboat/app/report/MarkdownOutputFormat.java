package dev.lifeboat.app.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker's output format for Markdown: every {@code ${…}} is escaped for Markdown unless the
 * template says {@code ?no_esc}, as {@code .ftlh} templates escape HTML. A template selects it with
 * {@code <#ftl output_format="Markdown">}.
 */
final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Output> {
  static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

  private MarkdownOutputFormat() {}

  @Override
  public String getName() {
    return "Markdown";
  }

  @Override
  public String getMimeType() {
    return "text/markdown";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(escapePlainText(textToEsc));
  }

  /**
   * Backslash-escapes what could start Markdown or HTML ({@code <script>} becomes text, {@code |}
   * cannot end a table cell) and any character that begins a line-start construct when it leads the
   * text (lists, headings, quotes); line breaks become spaces, so a value stays in its cell.
   */
  @Override
  public String escapePlainText(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        out.append(' ');
      } else if ("\\`*_[]<>|#!~&".indexOf(c) >= 0 || (i == 0 && "+-=.>:".indexOf(c) >= 0)) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Output newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Output(plainTextContent, markupContent);
  }

  /** Markdown already escaped, or text still to escape, as FreeMarker passes it around. */
  static final class Output extends CommonTemplateMarkupOutputModel<Output> {
    Output(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
