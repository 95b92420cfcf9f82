package dev.lifeboat.workflow;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Captures log events while open: everything the root logger passes on, plus the named loggers at
 * DEBUG. The verbose loggers write only to the capture while it is open (not to the console), so a
 * test can search Temporal's and Lifeboat's debug output without printing it.
 */
public final class CapturedLogs implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root;
  private final List<Logger> verbose;
  private final Map<Logger, Level> levels = new LinkedHashMap<>();

  private CapturedLogs(List<String> verboseLoggers) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    appender.setContext(context);
    appender.start();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    verbose = verboseLoggers.stream().map(context::getLogger).toList();
    for (Logger logger : verbose) {
      levels.put(logger, logger.getLevel());
      logger.setLevel(Level.DEBUG);
      logger.setAdditive(false);
      logger.addAppender(appender);
    }
  }

  /**
   * Starts capturing.
   *
   * @param verboseLoggers logger names to capture at DEBUG, e.g. {@code io.temporal}
   */
  public static CapturedLogs start(String... verboseLoggers) {
    return new CapturedLogs(List.of(verboseLoggers));
  }

  /** Each event's message, arguments filled, with its exception chain and stack traces. */
  public Map<String, String> texts() {
    Map<String, String> texts = new LinkedHashMap<>();
    List<ILoggingEvent> events;
    synchronized (appender) { // the lock AppenderBase.doAppend holds while appending
      events = List.copyOf(appender.list);
    }
    for (int i = 0; i < events.size(); i++) {
      ILoggingEvent event = events.get(i);
      String text = event.getFormattedMessage();
      if (event.getThrowableProxy() != null) {
        text += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
      }
      texts.put("log event " + i + " (" + event.getLoggerName() + ")", text);
    }
    return texts;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    for (Logger logger : verbose) {
      logger.detachAppender(appender);
      logger.setAdditive(true);
      logger.setLevel(levels.get(logger));
    }
    appender.stop();
  }
}
