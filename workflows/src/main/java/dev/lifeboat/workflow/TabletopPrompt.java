package dev.lifeboat.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.time.Duration;
import java.util.Map;

/**
 * What participants of a tabletop run see for one step instead of running it.
 *
 * @param fields the step's fields as the runbook writes them ({@code max_age: 24h}; references as
 *     written, the launch values are the run's params), without its id, kind and policy; in plans
 *     recorded before they kept it, the step's resolved model fields (secrets are references, never
 *     values)
 * @param owner the plan's owner, who answers for the step
 * @param timeout the step's timeout: how long the real step may take
 */
public record TabletopPrompt(String kind, JsonNode fields, String owner, Duration timeout) {
  /** Temporal's own mapper, so the fields read as the step does in the workflow history. */
  private static final ObjectMapper JSON = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  static TabletopPrompt of(Step step, Runbook plan) {
    Map<String, Object> written = plan.writtenSteps().get(step.id());
    if (written != null) {
      return new TabletopPrompt(
          step.kindName(), JSON.valueToTree(written), plan.owner(), step.policy().timeout());
    }
    ObjectNode fields = JSON.valueToTree(step);
    fields.remove("id");
    fields.remove("kind");
    fields.remove("policy");
    return new TabletopPrompt(step.kindName(), fields, plan.owner(), step.policy().timeout());
  }
}
