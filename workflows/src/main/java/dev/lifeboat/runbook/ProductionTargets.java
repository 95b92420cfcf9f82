package dev.lifeboat.runbook;

import java.util.Set;

/**
 * The configured SSH hosts and PostgreSQL servers marked {@code production: true}: what only a
 * recovery may act on.
 *
 * @param hosts names under {@code hosts:} in config.yml
 * @param servers names under {@code postgresServers:} in config.yml
 */
public record ProductionTargets(Set<String> hosts, Set<String> servers) {
  /** Nothing marked production (start-failover steps are still refused in drills). */
  public static final ProductionTargets NONE = new ProductionTargets(Set.of(), Set.of());

  public ProductionTargets {
    hosts = Set.copyOf(hosts);
    servers = Set.copyOf(servers);
  }
}
