package dev.lifeboat.activities.ssh;

import java.time.Duration;

/**
 * How far a running remote command has got.
 *
 * @param host the host's configured name
 * @param stdoutBytes bytes of standard output received so far
 * @param stderrBytes bytes of standard error received so far
 * @param elapsed time since the command started
 */
public record RemoteProgress(String host, long stdoutBytes, long stderrBytes, Duration elapsed) {}
