package dev.lifeboat.workflow.schedule;

/** A run a schedule launched, as the schedule asks about it or cancels it. */
public record RunRef(String scheduleId, String runId) {}
