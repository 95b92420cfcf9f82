package dev.lifeboat.app.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.notify.NotifyContext;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.app.compliance.OwnerChannel;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.app.store.RunVerdictRow;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the notify step's request for a run notice: the event's shipped template, and the run's
 * values as the template's data ({@code params.*}), so a plan title holding {@code ${...}} or
 * {@code <#...>} is printed as it is, never run.
 */
final class RunNoticeRequests {
  private final NoticeTemplates templates;
  private final NoticesConfig config;
  private final ObjectMapper json;

  RunNoticeRequests(NoticeTemplates templates, NoticesConfig config, ObjectMapper json) {
    this.templates = templates;
    this.config = config;
    this.json = json;
  }

  NotifyRequest request(
      RunNotice notice,
      RunRow run,
      JsonNode plan,
      OwnerChannel channel,
      Optional<RunVerdictRow> verdict) {
    String title = plan.path("title").asText("");
    String runUrl = config.baseUrl() + "/api/runs/" + run.id();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("event", notice.event().configName());
    params.put("type", notice.type().wireName());
    params.put("owner", plan.path("owner").asText(""));
    // The subject is one header line: a title with line breaks would be refused there.
    params.put("titleLine", title.replaceAll("[\\r\\n]+", " "));
    params.put("message", notice.message() == null ? "" : notice.message());
    params.put("runUrl", runUrl);
    params.put("reportUrl", runUrl + "/report?format=html");
    params.put("verdict", verdict.map(RunVerdictRow::verdict).orElse(""));
    params.put("reasons", verdict.map(v -> reasons(v.reasons())).orElse(""));
    RunStatus ended = notice.type().runStatus();
    NotifyContext context =
        new NotifyContext(
            run.id(),
            run.mode().apiName(),
            run.launcher(),
            run.planName(),
            title,
            notice.stepId(),
            notice.stage(),
            params,
            List.of(),
            ended != null && ended.isTerminal() ? ended.apiName() : NotifyContext.RUNNING,
            null);
    NoticeTemplates.Template template = templates.of(notice.event());
    // A drill's notices say so first, as its notify steps' do.
    String prefix = run.mode() == RunMode.DRILL ? "[DRILL] " : "";
    return new NotifyRequest(
        channel.channel(),
        channel.url(),
        template.body(),
        context,
        prefix,
        channel.to(),
        channel.to() == null ? null : template.subject());
  }

  /** The verdict's reasons, one a line (the template lists them). */
  private String reasons(String recorded) {
    List<String> lines = new ArrayList<>();
    try {
      for (JsonNode reason : json.readTree(recorded == null ? "[]" : recorded)) {
        lines.add(reason.path("message").asText(reason.toString()).replaceAll("[\\r\\n]+", " "));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a recorded verdict's reasons are not JSON", e);
    }
    return String.join("\n", lines);
  }
}
