package dev.lifeboat.app.report;

import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The report's FreeMarker templates ({@code /report/*.ftl*} on the classpath), each escaping every
 * value for its output format (HTML, Markdown). Parsed once; safe to share between threads.
 */
final class ReportTemplates {
  private final Template html;
  private final Template markdown;

  ReportTemplates() {
    Configuration config = new Configuration(Configuration.VERSION_2_3_34);
    config.setClassForTemplateLoading(ReportTemplates.class, "/report");
    config.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    config.setAPIBuiltinEnabled(false);
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setLocale(Locale.ROOT);
    config.setTimeZone(TimeZone.getTimeZone("UTC"));
    config.setNumberFormat("computer");
    config.setDefaultEncoding("UTF-8");
    try {
      html = config.getTemplate("run-report.ftlh");
      markdown = config.getTemplate("run-report.ftlmd");
    } catch (IOException e) {
      throw new UncheckedIOException("the report templates are missing from the jar", e);
    }
  }

  String html(RunReport report) {
    return render(html, report);
  }

  String markdown(RunReport report) {
    return render(markdown, report);
  }

  private static String render(Template template, RunReport report) {
    StringWriter out = new StringWriter(64 * 1024);
    try {
      template.process(Map.of("r", report, "fence", Fences.around(report.plan().text())), out);
    } catch (TemplateException | IOException e) {
      throw new IllegalStateException("the run report could not be rendered: " + e, e);
    }
    return out.toString();
  }
}
