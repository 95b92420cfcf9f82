package dev.lifeboat.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The body of {@code POST /api/plans/{name}/runs}: {@code {"mode": "drill", "params": {...}}}.
 * Parameter values may be JSON strings, numbers or booleans.
 */
public record LaunchBody(String mode, Map<String, JsonNode> params) {}
