package dev.lifeboat.activities.precheck;

/**
 * Who could approve: the people holding a role, as the server's token record knows them. Only the
 * server has one; a worker at a site has {@link #NONE} (approval gates are held by the workflow and
 * checked on the main task queue).
 */
public interface ApproverRoster {
  /** A worker without the record: it can count nobody. */
  ApproverRoster NONE =
      role -> {
        throw new IllegalStateException("this worker has no token record to count approvers in");
      };

  /**
   * How many distinct people hold {@code role} or a higher one through a token that is not revoked.
   *
   * @param role a role's API name, e.g. {@code commander}
   */
  int holders(String role);
}
