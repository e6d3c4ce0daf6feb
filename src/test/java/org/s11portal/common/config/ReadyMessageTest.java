package org.s11portal.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.http.HttpServerOptions;

/** `make run` ends with one line saying which address to open, once the server listens. */
class ReadyMessageTest {

    @Test
    void saysTheAddressToOpenOnceWhenTheServerListens() {
        ReadyMessage ready = new ReadyMessage();
        ready.config = (PortalConfig) Proxy.newProxyInstance(PortalConfig.class.getClassLoader(),
                new Class<?>[] { PortalConfig.class },
                (proxy, method, args) -> method.getName().equals("publicUrl") ? "http://localhost:9090" : null);
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLoggerName().equals(ReadyMessage.class.getName())) {
                    lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        try {
            HttpServerStart start = new HttpServerStart(new HttpServerOptions().setPort(9090));
            ready.listening(start);
            ready.listening(start);
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertEquals(List.of("S11 Portal is ready: open http://localhost:9090"), lines);
    }
}
