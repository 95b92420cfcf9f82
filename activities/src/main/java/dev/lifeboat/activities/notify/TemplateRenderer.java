package dev.lifeboat.activities.notify;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import freemarker.cache.StringTemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Renders notification templates written in runbooks. Runbook authors are not trusted with the
 * worker's JVM, so the configuration is locked down: {@code ?new} may instantiate nothing, {@code
 * ?api} is off, {@code #include}/{@code #import} find no templates, and the data model holds only
 * maps, lists and strings (the {@link SimpleObjectWrapper} refuses to expose any other object and
 * so any Java method). A message is at most {@link #MAX_MESSAGE} characters. Built once; safe to
 * share between threads.
 */
public final class TemplateRenderer {
  private static final String NAME = "notify";

  private static final int CACHED_TEMPLATES = 256;

  /** No notification is longer: more is a runaway template, not a message. */
  static final int MAX_MESSAGE = 1_000_000;

  private final Configuration config;
  private final Map<String, Template> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
          return size() > CACHED_TEMPLATES;
        }
      };

  public TemplateRenderer() {
    config = new Configuration(Configuration.VERSION_2_3_34);
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    config.setAPIBuiltinEnabled(false);
    config.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
    config.setTemplateLoader(new StringTemplateLoader());
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setLocale(Locale.ROOT);
    config.setNumberFormat("computer");
  }

  /** The rendered text, or BAD_INPUT saying where the template is wrong. */
  public String render(String template, NotifyContext context) {
    try {
      return process(template, context);
    } catch (Mistake mistake) {
      TemplateProblem problem = mistake.problem;
      String where = problem.line() == 0 ? "" : " at " + problem.where();
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          "notification template error" + where + ": " + problem.message(),
          mistake.getCause());
    } catch (IOException e) {
      throw StepFailures.of(StepFailureType.BAD_INPUT, "cannot render template: " + e, e);
    }
  }

  /**
   * What is wrong with {@code template} when rendered with {@code context}, or empty when it
   * renders. {@link TemplateCheck} uses it, with sample data and a time limit, when a plan loads.
   */
  Optional<TemplateProblem> problemOf(String template, NotifyContext context) {
    try {
      process(template, context);
      return Optional.empty();
    } catch (Mistake mistake) {
      return Optional.of(mistake.problem);
    } catch (IOException e) {
      return Optional.of(new TemplateProblem(0, 0, "cannot render template: " + e));
    }
  }

  private String process(String template, NotifyContext context) throws IOException, Mistake {
    BoundedWriter out = new BoundedWriter(MAX_MESSAGE);
    try {
      parsed(template).process(model(context), out);
      return out.toString();
    } catch (ParseException e) {
      throw new Mistake(e.getLineNumber(), e.getColumnNumber(), e.getEditorMessage(), e);
    } catch (TemplateException e) {
      throw new Mistake(e.getLineNumber(), e.getColumnNumber(), e.getMessageWithoutStackTop(), e);
    } catch (IOException e) {
      if (out.overflowed()) {
        throw new Mistake(
            null, null, "the message is longer than " + MAX_MESSAGE + " characters", e);
      }
      throw e;
    }
  }

  /**
   * Parsed templates by text: a plan's notify steps repeat the same few templates, and a FreeMarker
   * {@link Template} is safe to share between threads once parsed.
   */
  private Template parsed(String template) throws IOException {
    synchronized (cache) {
      Template cached = cache.get(template);
      if (cached != null) {
        return cached;
      }
    }
    Template parsed = new Template(NAME, new StringReader(template), config);
    // Lets TemplateCheck stop a template that loops for ever by interrupting its thread.
    _CoreAPI.addThreadInterruptedChecks(parsed);
    synchronized (cache) {
      cache.put(template, parsed);
    }
    return parsed;
  }

  /** The template's data: run, plan, step, params and steps, as plain maps, lists and strings. */
  static Map<String, Object> model(NotifyContext c) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(
        "run",
        ordered(
            "id",
            text(c.runId()),
            "mode",
            text(c.mode()),
            "launcher",
            text(c.launcher()),
            "outcome",
            c.outcome() == null ? NotifyContext.RUNNING : c.outcome()));
    model.put("plan", ordered("name", text(c.planName()), "title", text(c.planTitle())));
    model.put("step", ordered("id", text(c.stepId()), "stage", text(c.stageName())));
    Map<String, String> params = new LinkedHashMap<>();
    if (c.params() != null) {
      c.params().forEach((k, v) -> params.put(k, text(v)));
    }
    model.put("params", params);
    List<Map<String, String>> steps =
        c.steps() == null ? List.of() : c.steps().stream().map(TemplateRenderer::step).toList();
    model.put("steps", steps);
    // Always there (empty texts when no step failed), so ${failedStep.id} never breaks a template.
    model.put(
        "failedStep",
        step(c.failedStep() == null ? new NotifyContext.StepSummary("", "", "") : c.failedStep()));
    return model;
  }

  private static Map<String, String> step(NotifyContext.StepSummary s) {
    return ordered("id", text(s.id()), "status", text(s.status()), "summary", text(s.summary()));
  }

  /** A map that keeps its keys in the given order, so {@code ?keys} lists them predictably. */
  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** Missing values become empty text, so a template does not break on an unset launcher. */
  private static String text(String value) {
    return value == null ? "" : value;
  }

  /** A template mistake with its place in the template and FreeMarker's essential words. */
  private static final class Mistake extends Exception {
    private static final Pattern POSITION =
        Pattern.compile("\\s*\\[in template \"" + NAME + "\" at line \\d+, column \\d+]");

    final TemplateProblem problem;

    Mistake(Integer line, Integer column, String message, Exception cause) {
      super(message, cause, false, false);
      // FreeMarker appends tips and an FTL stack after a "----" line; the first part says it all.
      String essence = message.split("\n----", 2)[0].replaceAll("\\s+", " ").strip();
      this.problem =
          new TemplateProblem(
              line == null ? 0 : line,
              column == null ? 0 : column,
              POSITION.matcher(essence).replaceAll("").strip());
    }
  }
}
