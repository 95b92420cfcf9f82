package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;

/**
 * A participant of a tabletop run at a terminal: shows each prompted step's fields as the runbook
 * writes them and asks for {@code ok} or {@code gap} (a gap with notes saying what is missing),
 * then sends the answer through the API as the token's holder. A refusal (the step was answered
 * meanwhile, the run ended) is printed; the walk goes on.
 */
final class ConsoleParticipant implements RunFollower.Participant {
  /** Sends one acknowledgement; answers the API's refusal message, or null when accepted. */
  interface Acknowledge {
    String send(String stepId, ObjectNode body) throws Exception;
  }

  private final BufferedReader in;
  private final PrintStream out;
  private final Acknowledge acknowledge;

  ConsoleParticipant(BufferedReader in, PrintStream out, Acknowledge acknowledge) {
    this.in = in;
    this.out = out;
    this.acknowledge = acknowledge;
  }

  @Override
  public void prompted(JsonNode step) throws Exception {
    String id = step.path("id").asText();
    JsonNode prompt = step.path("prompt");
    out.printf(
        "    %s (%s), owner %s:%n",
        id, prompt.path("kind").asText(), prompt.path("owner").asText());
    print(prompt.path("fields"), "      ");
    while (true) {
      out.print("    " + id + ": ok or gap? ");
      out.flush();
      String outcome = in.readLine();
      if (outcome == null) {
        return; // no more input: leave the step to other participants
      }
      outcome = outcome.strip();
      if (!outcome.equals("ok") && !outcome.equals("gap")) {
        out.println("    answer ok, or gap when something is missing");
        continue;
      }
      ObjectNode body = JsonNodeFactory.instance.objectNode().put("outcome", outcome);
      out.print(
          "    notes" + (outcome.equals("gap") ? " (what is missing)" : " (optional)") + ": ");
      out.flush();
      String notes = in.readLine();
      if (notes != null && !notes.isBlank()) {
        body.put("notes", notes.strip());
      } else if (outcome.equals("gap")) {
        out.println("    a gap needs notes saying what is missing");
        continue;
      }
      String refused = acknowledge.send(id, body);
      if (refused != null) {
        out.println("    not taken: " + refused);
      }
      return;
    }
  }

  /** The fields as YAML-like lines: {@code max_age: 24h}. */
  private void print(JsonNode node, String indent) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getValue().isContainerNode()) {
          out.println(indent + field.getKey() + ":");
          print(field.getValue(), indent + "  ");
        } else {
          out.println(indent + field.getKey() + ": " + field.getValue().asText());
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (item.isContainerNode()) {
          out.println(indent + "-");
          print(item, indent + "  ");
        } else {
          out.println(indent + "- " + item.asText());
        }
      }
    }
  }
}
