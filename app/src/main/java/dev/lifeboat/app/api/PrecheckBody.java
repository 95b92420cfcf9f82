package dev.lifeboat.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The body of {@code POST /api/plans/{name}/precheck}, which may be left out: {@code {"params":
 * {...}}}, the values the plan would be launched with.
 */
public record PrecheckBody(Map<String, JsonNode> params) {}
