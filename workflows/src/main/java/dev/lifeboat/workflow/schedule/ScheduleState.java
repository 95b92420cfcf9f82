package dev.lifeboat.workflow.schedule;

/**
 * What a scheduler workflow answers to a query: paused or not, the fire it waits for (epoch millis,
 * null when none), the previous fire's run, and how many fires this run of the workflow made.
 */
public record ScheduleState(boolean paused, Long nextFireMillis, String lastRunId, int fires) {}
