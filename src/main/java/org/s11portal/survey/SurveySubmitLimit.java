package org.s11portal.survey;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.s11portal.common.config.PortalConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How many survey answers one address may send: a token bucket per address, in memory, that holds
 * {@code burst} answers and refills at {@code perMinute}. Sized so that a whole office behind one address
 * never meets it (see docs/staff-survey-privacy.md); it stops one machine flooding an agency's results, which
 * the "more answers than staff" flag would otherwise be the only sign of. IPv6 addresses count by their /64,
 * as one household or office holds a whole /64. Nothing here is written anywhere or logged.
 */
@ApplicationScoped
public class SurveySubmitLimit {

    /** Addresses remembered at most; beyond that, idle (full) buckets are forgotten first. */
    static final int MAX_ADDRESSES = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private volatile long burst;
    private volatile double perNano;

    @Inject
    PortalConfig config;

    SurveySubmitLimit() {
        this(System::nanoTime);
    }

    /** For tests: a limit on the given clock, configured with {@link #configure}. */
    SurveySubmitLimit(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    SurveySubmitLimit configure(long burst, long perMinute) {
        this.burst = burst;
        this.perNano = perMinute / 60e9;
        return this;
    }

    @jakarta.annotation.PostConstruct
    void init() {
        configure(config.survey().submitBurst(), config.survey().submitsPerMinute());
    }

    /** Takes one answer from the address's allowance; false when it has none left. */
    public boolean tryAcquire(String address) {
        String key = key(address);
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(key); // the busy path: an address already known, no allocation
        if (bucket == null) {
            if (buckets.size() >= MAX_ADDRESSES) {
                forgetIdle();
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        }
        return bucket.take(now, burst, perNano);
    }

    /** Whole seconds until the address may send one more answer, at least 1: for the Retry-After header. */
    public long secondsUntilNext() {
        return Math.max(1, (long) Math.ceil(1 / (perNano * 1e9)));
    }

    int remembered() {
        return buckets.size();
    }

    private void forgetIdle() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> bucket.full(now, burst, perNano));
        if (buckets.size() >= MAX_ADDRESSES) {
            // tens of thousands of addresses each busy at once: forget them all rather than grow without bound
            buckets.clear();
        }
    }

    static String key(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "unknown" : address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            if (bytes.length == 16) {
                StringBuilder prefix = new StringBuilder(20);
                for (int i = 0; i < 8; i++) {
                    prefix.append(String.format("%02x", bytes[i]));
                }
                return prefix.append("::/64").toString();
            }
            return address;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(long burst, long now) {
            this.tokens = burst;
            this.updated = now;
        }

        synchronized boolean take(long now, long burst, double perNano) {
            refill(now, burst, perNano);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean full(long now, long burst, double perNano) {
            refill(now, burst, perNano);
            return tokens >= burst;
        }

        private void refill(long now, long burst, double perNano) {
            if (now > updated) {
                tokens = Math.min(burst, tokens + (now - updated) * perNano);
                updated = now;
            }
        }
    }
}
