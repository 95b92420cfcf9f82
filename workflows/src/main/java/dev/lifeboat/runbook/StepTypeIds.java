package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;

/**
 * Names a {@link Step} in JSON by its kind's YAML name ({@code "kind": "verify-backup"}), taken
 * from {@link StepKinds}, so workflow inputs, histories and the record spell a step as its plan
 * does.
 */
final class StepTypeIds extends TypeIdResolverBase {
  @Override
  public String idFromValue(Object value) {
    return ((Step) value).kindName();
  }

  @Override
  public String idFromValueAndType(Object value, Class<?> type) {
    return value == null ? StepKinds.of(type).name() : idFromValue(value);
  }

  @Override
  public JavaType typeFromId(DatabindContext context, String id) {
    // Unknown: null makes Jackson report the id with the known ones below.
    return StepKinds.find(id).map(kind -> context.constructType(kind.type())).orElse(null);
  }

  @Override
  public String getDescForKnownTypeIds() {
    return String.join(", ", StepKinds.names());
  }

  @Override
  public JsonTypeInfo.Id getMechanism() {
    return JsonTypeInfo.Id.CUSTOM;
  }
}
