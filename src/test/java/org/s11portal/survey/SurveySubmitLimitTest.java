package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The per-address token bucket, on a clock the test moves. */
class SurveySubmitLimitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private SurveySubmitLimit limit(long burst, long perMinute) {
        return new SurveySubmitLimit(now::get).configure(burst, perMinute);
    }

    private int taken(SurveySubmitLimit limit, String address, int tries) {
        int taken = 0;
        for (int i = 0; i < tries; i++) {
            taken += limit.tryAcquire(address) ? 1 : 0;
        }
        return taken;
    }

    @Test
    void anAddressMaySendItsBurstThenWaitsForTheRefill() {
        SurveySubmitLimit limit = limit(600, 300);
        assertEquals(600, taken(limit, "198.51.100.7", 1_000));
        assertFalse(limit.tryAcquire("198.51.100.7"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(1)); // 300 a minute: 5 a second
        assertEquals(5, taken(limit, "198.51.100.7", 100));
        now.addAndGet(TimeUnit.MINUTES.toNanos(10)); // never more than the burst, however long it waited
        assertEquals(600, taken(limit, "198.51.100.7", 1_000));
    }

    @Test
    void eachAddressHasItsOwnAllowance() {
        SurveySubmitLimit limit = limit(3, 60);
        assertEquals(3, taken(limit, "198.51.100.7", 10));
        assertEquals(3, taken(limit, "203.0.113.9", 10));
        assertEquals(1, limit.secondsUntilNext());
    }

    @Test
    void oneIpv6NetworkCountsAsOneAddress() {
        SurveySubmitLimit limit = limit(2, 60);
        assertTrue(limit.tryAcquire("2001:db8:1:2::1"));
        assertTrue(limit.tryAcquire("2001:db8:1:2:ffff::99"));
        assertFalse(limit.tryAcquire("2001:db8:1:2::abcd"));
        assertTrue(limit.tryAcquire("2001:db8:1:3::1"));
        assertEquals(SurveySubmitLimit.key("2001:0db8:0001:0002:0000:0000:0000:0001"), SurveySubmitLimit.key("2001:db8:1:2::7"));
    }

    @Test
    void theNumberOfAddressesRememberedIsBounded() {
        SurveySubmitLimit limit = limit(5, 60);
        for (int i = 0; i < SurveySubmitLimit.MAX_ADDRESSES + 5_000; i++) {
            limit.tryAcquire("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertTrue(limit.remembered() <= SurveySubmitLimit.MAX_ADDRESSES, "remembered " + limit.remembered());
    }

    @Test
    void aLargeOfficeBehindOneAddressNeverMeetsTheDefaultLimit() {
        // the largest demo agency, 5,200 staff, all answering from one address within ten minutes, evenly
        SurveySubmitLimit limit = limit(1_000, 600);
        long step = TimeUnit.MINUTES.toNanos(10) / 5_200;
        for (int i = 0; i < 5_200; i++) {
            assertTrue(limit.tryAcquire("198.51.100.7"), "answer " + i + " refused");
            now.addAndGet(step);
        }
    }
}
