package org.s11portal.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The daily reminders are a job of Quartz's clustered store (see HousekeepingScheduleTest): one run across instances. */
@QuarkusTest
class ReminderScheduleTest {

    @Inject
    Scheduler quartz;

    @Test
    void theStoreHoldsTheRemindersJobInUkTime() throws Exception {
        JobKey reminders = quartz.getJobKeys(GroupMatcher.anyJobGroup()).stream()
                .filter(key -> key.getName().equals("reminders")).findFirst().orElseThrow();
        List<? extends Trigger> triggers = quartz.getTriggersOfJob(reminders);
        assertEquals(1, triggers.size());
        CronTrigger trigger = (CronTrigger) triggers.get(0);
        assertEquals("0 0 7 1 1 ? 2099", trigger.getCronExpression());
        assertEquals("Europe/London", trigger.getTimeZone().getID());
    }
}
