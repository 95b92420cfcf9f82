package dev.lifeboat.workflow;

import java.util.List;

/**
 * What a {@code start-failover} step did: every action's result, in the order they ran.
 *
 * @param summary e.g. {@code 2 actions: ssh standby-1 exit 0; promoted standby at LSN 0/3000148
 *     (replay lag 0 bytes)}
 */
public record StartFailoverResult(List<FailoverActionResult> actions, String summary) {}
