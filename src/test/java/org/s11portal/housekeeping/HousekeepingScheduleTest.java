package org.s11portal.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.quartz.Trigger;
import org.quartz.impl.jdbcjobstore.JobStoreSupport;
import org.quartz.impl.matchers.GroupMatcher;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The nightly housekeeping runs on Quartz's clustered JDBC store, so several instances run it once a night. */
@QuarkusTest
class HousekeepingScheduleTest {

    @Inject
    Scheduler quartz;

    @Inject
    EntityManager entityManager;

    @Test
    void theJobStoreIsClusteredInTheDatabase() throws Exception {
        SchedulerMetaData store = quartz.getMetaData();
        assertTrue(JobStoreSupport.class.isAssignableFrom(store.getJobStoreClass()), store.getJobStoreClass().getName());
        assertTrue(store.isJobStoreClustered());
        assertTrue(store.isJobStoreSupportsPersistence());
    }

    @Test
    void theStoreHoldsTheHousekeepingJobWithItsSchedule() throws Exception {
        JobKey housekeeping = quartz.getJobKeys(GroupMatcher.anyJobGroup()).stream()
                .filter(key -> key.getName().equals("housekeeping")).findFirst().orElseThrow();
        List<? extends Trigger> triggers = quartz.getTriggersOfJob(housekeeping);
        assertEquals(1, triggers.size());
        CronTrigger trigger = (CronTrigger) triggers.get(0);
        assertEquals("0 17 3 1 1 ? 2099", trigger.getCronExpression());
        assertEquals("Europe/London", trigger.getTimeZone().getID());

        Number stored = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'housekeeping'").getSingleResult());
        assertEquals(1, stored.intValue());
    }
}
