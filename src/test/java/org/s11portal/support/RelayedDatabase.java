package org.s11portal.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A Quarkus run whose datasource reaches its database through a {@link TcpRelay} that the test can cut, to play a
 * database outage and its end. The database is the run's own, as {@link TestDatabase} makes one whenever Quarkus starts.
 */
public class RelayedDatabase implements QuarkusTestProfile {

    private static volatile TcpRelay relay;

    /** The relay in front of this run's database. */
    public static TcpRelay relay() {
        return relay;
    }

    @Override
    public java.util.List<TestResourceEntry> testResources() {
        return java.util.List.of(new TestResourceEntry(Relay.class));
    }

    /** Opens the relay before Quarkus starts and points the datasource at it; closes it when the run ends. */
    public static class Relay implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            relay = TcpRelay.toTestDatabase();
            return Map.of("s11.db.host", "127.0.0.1", "s11.db.port", String.valueOf(relay.port()));
        }

        @Override
        public void stop() {
            if (relay != null) {
                relay.close();
                relay = null;
            }
        }
    }
}
