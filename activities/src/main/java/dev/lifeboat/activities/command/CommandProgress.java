package dev.lifeboat.activities.command;

/** Heartbeat details of a running command: how much it has said and for how long. */
public record CommandProgress(
    String host, long stdoutBytes, long stderrBytes, long elapsedMillis) {}
