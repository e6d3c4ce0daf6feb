package org.s11portal.common.web;

import java.lang.reflect.Field;
import java.security.SecureRandom;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.csrf.reactive.runtime.CsrfRequestResponseReactiveFilter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives quarkus-rest-csrf's filter a {@link PerThreadSecureRandom}. The filter makes a token for every page
 * answered to a browser without a CSRF cookie (every first visit, and every survey form a member of staff
 * opens) from one {@code new SecureRandom()} that it keeps in a private field, and offers no setting to choose
 * another: at start-up this replaces that field. If a later Quarkus renames the field, the portal still starts
 * and works as before (one shared generator) and says so in the log; {@code CsrfTokenRandomTest} fails then.
 */
@ApplicationScoped
public class CsrfTokenRandom {

    private static final Logger LOG = Logger.getLogger(CsrfTokenRandom.class);
    static final String FIELD = "secureRandom";

    void onStart(@Observes StartupEvent event) {
        install();
    }

    /** Whether the filter now draws its tokens from a per-thread generator. */
    public static boolean install() {
        try (InstanceHandle<CsrfRequestResponseReactiveFilter> handle = Arc.container()
                .instance(CsrfRequestResponseReactiveFilter.class)) {
            if (!handle.isAvailable()) {
                LOG.warn("quarkus-rest-csrf's filter was not found: its CSRF tokens come from one shared generator");
                return false;
            }
            Field field = CsrfRequestResponseReactiveFilter.class.getDeclaredField(FIELD);
            field.setAccessible(true);
            Object filter = handle.get();
            if (field.get(filter) != PerThreadSecureRandom.get()) {
                field.set(filter, PerThreadSecureRandom.get());
            }
            return field.get(filter) == PerThreadSecureRandom.get();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("CSRF tokens come from one shared generator (%s)", e.toString());
            return false;
        }
    }

    /** The generator the filter uses now, for the test. */
    static SecureRandom current() throws ReflectiveOperationException {
        try (InstanceHandle<CsrfRequestResponseReactiveFilter> handle = Arc.container()
                .instance(CsrfRequestResponseReactiveFilter.class)) {
            Field field = CsrfRequestResponseReactiveFilter.class.getDeclaredField(FIELD);
            field.setAccessible(true);
            return (SecureRandom) field.get(handle.get());
        }
    }
}
