package org.s11portal.common.config;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Says, once the portal listens, which address to open: the line a person starting it looks for. */
@Singleton
class ReadyMessage {

    private static final Logger LOG = Logger.getLogger(ReadyMessage.class);

    private final AtomicBoolean said = new AtomicBoolean();

    @Inject
    PortalConfig config;

    void listening(@ObservesAsync HttpServerStart start) {
        if (said.compareAndSet(false, true)) {
            LOG.infof("S11 Portal is ready: open %s", config.publicUrl());
        }
    }
}
