package dev.lifeboat.workflow.schedule;

/** Whether a run has ended (any terminal status, or no such run). */
public record RunProgress(boolean ended) {}
