package dev.lifeboat.app.compliance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The compliance view as a printable HTML page, from the FreeMarker template {@code
 * compliance.ftlh}. The template sees the report as the JSON API shows it (maps, lists, strings),
 * so the page and the JSON can never say different things; every value is HTML-escaped (the {@code
 * .ftlh} output format), since titles and owners are runbook text.
 */
public final class ComplianceHtml {
  private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

  private final Configuration config = new Configuration(Configuration.VERSION_2_3_34);
  private final ObjectMapper json;

  /**
   * @param json the API's mapper (ISO-8601 times), so the page shows what the JSON shows
   */
  public ComplianceHtml(ObjectMapper json) {
    this.json = json;
    config.setClassForTemplateLoading(ComplianceHtml.class, "");
    config.setOutputFormat(HTMLOutputFormat.INSTANCE);
    config.setRecognizeStandardFileExtensions(true);
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    config.setAPIBuiltinEnabled(false);
    config.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setLocale(Locale.ROOT);
    config.setNumberFormat("computer");
  }

  public String of(ComplianceReport report) {
    Map<String, Object> model = json.convertValue(report, TREE);
    StringWriter page = new StringWriter();
    try {
      config.getTemplate("compliance.ftlh").process(Map.of("report", model), page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TemplateException e) {
      throw new IllegalStateException("the compliance page template failed: " + e.getMessage(), e);
    }
    return page.toString();
  }
}
