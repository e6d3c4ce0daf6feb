package org.s11portal.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every log record written while it is open (the app runs in the test's JVM). */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof org.jboss.logmanager.ExtLogRecord ext) {
            ext.copyMdc(); // the MDC of the thread that logs, read now: later it is another request's
        }
        records.add(record);
    }

    /** Records at INFO or above: what production writes. */
    public List<LogRecord> written() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue()).toList();
    }

    public List<LogRecord> withStackTrace() {
        return records.stream().filter(r -> r.getThrown() != null).toList();
    }

    public List<String> messages() {
        return written().stream().map(r -> r.getLoggerName() + ": " + message(r)).toList();
    }

    public static String message(LogRecord r) {
        if (r instanceof org.jboss.logmanager.ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return r.getMessage();
    }

    /** Every record, whatever its level. */
    public List<LogRecord> all() {
        return List.copyOf(records);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
