package dev.lifeboat.app.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code api_tokens} table: rows are inserted once and may be revoked once, never deleted. */
@RegisterConstructorMapper(TokenRow.class)
public interface TokenDao {
  String COLUMNS = "id, name, role, token_sha256, created_by, created_at, revoked_by, revoked_at";

  @SqlUpdate(
      """
      insert into api_tokens (id, name, role, token_sha256, created_by, created_at)
      values (:id, :name, :role, :tokenSha256, :createdBy, :createdAt)
      """)
  void insert(@BindMethods TokenRow token);

  @SqlQuery("select " + COLUMNS + " from api_tokens where id = :id")
  Optional<TokenRow> find(@Bind("id") String id);

  @SqlQuery("select " + COLUMNS + " from api_tokens order by created_at, id")
  List<TokenRow> all();

  @SqlQuery("select count(*) from api_tokens")
  long count();

  /** The distinct names of the tokens that are not revoked and hold one of {@code roles}. */
  @SqlQuery(
      """
      select distinct name from api_tokens
       where revoked_at is null and role in (<roles>)
      """)
  List<String> liveNamesWithRole(@BindList("roles") List<String> roles);

  /** Revokes a live token; returns 0 when it is unknown or already revoked. */
  @SqlUpdate(
      """
      update api_tokens set revoked_by = :by, revoked_at = :at
       where id = :id and revoked_at is null
      """)
  int revoke(@Bind("id") String id, @Bind("by") String by, @Bind("at") Instant at);
}
