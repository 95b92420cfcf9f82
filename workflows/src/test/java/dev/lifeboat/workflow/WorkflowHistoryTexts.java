package dev.lifeboat.workflow;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a workflow's history holds, as texts to search: the whole history exported as JSON
 * (payload data appears there Base64-encoded), and every payload of every event decoded, since that
 * is where inputs, results and heartbeat details live. Failure messages are plain strings in the
 * JSON export.
 */
public final class WorkflowHistoryTexts {
  private WorkflowHistoryTexts() {}

  /**
   * Texts keyed by where they came from, e.g. {@code event 11 ACTIVITY_TASK_COMPLETED payload 0}.
   */
  public static Map<String, String> of(WorkflowClient client, String workflowId) {
    WorkflowExecutionHistory history = client.fetchHistory(workflowId);
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("history of " + workflowId + " as JSON", history.toJson(true));
    for (HistoryEvent event : history.getEvents()) {
      List<String> payloads = new ArrayList<>();
      collectPayloads(event, payloads);
      for (int i = 0; i < payloads.size(); i++) {
        texts.put(
            "event " + event.getEventId() + " " + event.getEventType() + " payload " + i,
            payloads.get(i));
      }
    }
    return texts;
  }

  /** Walks any proto message, so no payload-carrying field of any event type can be missed. */
  private static void collectPayloads(Message message, List<String> out) {
    if (message instanceof Payload payload) {
      out.add(payload.getData().toStringUtf8());
      return;
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.getKey().isRepeated()) {
        for (Object element : (List<?>) field.getValue()) {
          collectPayloads((Message) element, out);
        }
      } else {
        collectPayloads((Message) field.getValue(), out);
      }
    }
  }
}
