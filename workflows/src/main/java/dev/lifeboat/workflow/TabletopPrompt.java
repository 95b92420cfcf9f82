package dev.lifeboat.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeboat.runbook.Step;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.time.Duration;

/**
 * What participants of a tabletop run see for one step instead of running it.
 *
 * @param fields the step's resolved fields (parameters substituted; secrets are still references,
 *     never values), without its id, kind and policy
 * @param owner the plan's owner, who answers for the step
 * @param timeout the step's timeout: how long the real step may take
 */
public record TabletopPrompt(String kind, JsonNode fields, String owner, Duration timeout) {
  /** Temporal's own mapper, so the fields read as the step does in the workflow history. */
  private static final ObjectMapper JSON = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  static TabletopPrompt of(Step step, String owner) {
    ObjectNode fields = JSON.valueToTree(step);
    fields.remove("id");
    fields.remove("kind");
    fields.remove("policy");
    return new TabletopPrompt(step.kindName(), fields, owner, step.policy().timeout());
  }
}
