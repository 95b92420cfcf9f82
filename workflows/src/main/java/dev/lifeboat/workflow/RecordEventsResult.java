package dev.lifeboat.workflow;

/**
 * @param appended how many events were new (a retried write appends none)
 */
public record RecordEventsResult(int appended) {}
