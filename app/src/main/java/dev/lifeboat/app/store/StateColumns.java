package dev.lifeboat.app.store;

import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * Reads and writes the run-state enums in the record by the names the record has always held: a
 * mode or a status by its API name ({@code drill}, {@code succeeded_with_failures}), an event type
 * by its wire name ({@code step.failed}). Install it on every {@link Jdbi} that touches runs;
 * Jdbi's own enum handling would write {@code DRILL}, which the tables' checks refuse.
 */
public final class StateColumns extends JdbiPlugin.Singleton {
  @Override
  public void customizeJdbi(Jdbi jdbi) {
    spelled(jdbi, RunMode.class, RunMode::apiName);
    spelled(jdbi, RunStatus.class, RunStatus::apiName);
    spelled(jdbi, RunEventType.class, RunEventType::wireName);
  }

  private static <E extends Enum<E>> void spelled(
      Jdbi jdbi, Class<E> type, Function<E, String> spelling) {
    Map<String, E> byText =
        Arrays.stream(type.getEnumConstants())
            .collect(Collectors.toUnmodifiableMap(spelling, Function.identity()));
    ColumnMapper<E> mapper =
        (result, column, context) -> {
          String text = result.getString(column);
          if (text == null) {
            return null;
          }
          E value = byText.get(text);
          if (value == null) {
            throw new IllegalStateException(
                "the record holds "
                    + type.getSimpleName()
                    + " '"
                    + text
                    + "', which this version of Lifeboat does not know; known: "
                    + byText.keySet().stream().sorted().toList());
          }
          return value;
        };
    jdbi.registerColumnMapper(type, mapper);
    jdbi.registerArgument(new SpelledArgument<>(type, spelling));
  }

  /** Binds one enum by its spelling (null as SQL null). */
  private record SpelledArgument<E extends Enum<E>>(Class<E> type, Function<E, String> spelling)
      implements ArgumentFactory {
    @Override
    public Optional<Argument> build(Type declared, Object value, ConfigRegistry config) {
      if (!type.isAssignableFrom(GenericTypes.getErasedType(declared))) {
        return Optional.empty();
      }
      String text = value == null ? null : spelling.apply(type.cast(value));
      return Optional.of(
          (position, statement, context) -> {
            if (text == null) {
              statement.setNull(position, Types.VARCHAR);
            } else {
              statement.setString(position, text);
            }
          });
    }
  }
}
