package dev.lifeboat.workflow;

import dev.lifeboat.activities.StepResult;
import java.time.Duration;

/** What a {@code wait} step did: it waited {@code duration}. */
public record WaitResult(Duration duration, String summary) implements StepResult {}
