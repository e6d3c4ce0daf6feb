package org.s11portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.s11portal.audit.AuditRevision;
import org.s11portal.common.persistence.GeneratedIdEntity;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.survey.SurveyResponse;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The packages' direction (docs/architecture.md, "Packages"): each feature package has a level, and a class may use
 * only classes of its own package or of a package at a lower level. Features at the same level never use each
 * other, so there is no loop, and moderation, the action plan and the survey build on the assessment, never the
 * other way round. A new top-level package fails this test until it is given a level here and in the doc.
 */
class ArchitectureTest {

    /** Lower levels are used by higher ones, never the reverse. */
    static final Map<String, Integer> LEVELS = Map.ofEntries(
            Map.entry("common", 0),
            Map.entry("agency", 1),
            Map.entry("account", 2),
            Map.entry("audit", 3),
            Map.entry("tool", 3),
            Map.entry("mail", 3),
            Map.entry("cycle", 4),
            Map.entry("useradmin", 4),
            Map.entry("agencyadmin", 4),
            Map.entry("tooladmin", 4),
            Map.entry("assessment", 5),
            Map.entry("actionplan", 6),
            Map.entry("letter", 6),
            Map.entry("moderation", 6),
            Map.entry("survey", 6),
            Map.entry("panel", 7),
            Map.entry("monitoring", 7),
            Map.entry("home", 8),
            Map.entry("housekeeping", 8),
            Map.entry("reminder", 8),
            Map.entry("cycleadmin", 8),
            Map.entry("letteradmin", 8),
            Map.entry("demo", 9));

    private static final String ROOT = "org.s11portal.";

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.s11portal");

    @Test
    void everyPackageHasALevel() {
        Set<String> unknown = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            if (!LEVELS.containsKey(feature(type.getPackageName()))) {
                unknown.add(type.getPackageName());
            }
        }
        assertEquals(Set.of(), unknown, "packages without a level in ArchitectureTest.LEVELS and docs/architecture.md");
    }

    @Test
    void dependenciesPointToLowerLevelsOnly() {
        Set<String> forbidden = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            String from = feature(type.getPackageName());
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                if (!target.startsWith(ROOT)) {
                    continue;
                }
                String to = feature(target);
                if (!from.equals(to) && !(LEVELS.getOrDefault(to, 99) < LEVELS.getOrDefault(from, -1))) {
                    forbidden.add(from + " -> " + to + ": " + dependency.getDescription());
                }
            }
        }
        assertEquals(List.of(), List.copyOf(forbidden), forbidden.size() + " dependencies against the direction");
    }

    @Test
    void everyEntityHasItsIdFromOneBaseClass() {
        Set<String> own = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            if (type.isAnnotatedWith(jakarta.persistence.Entity.class) && !type.isAssignableTo(GeneratedIdEntity.class)
                    && !type.isEquivalentTo(SurveyResponse.class) && !type.isEquivalentTo(AuditRevision.class)) {
                own.add(type.getName());
            }
        }
        // survey responses keep a random id (an AUTO_INCREMENT one would reveal the order of answers); Envers'
        // revision entity has the revision number as its id
        assertEquals(Set.of(), own, "entities that declare their own id instead of extending GeneratedIdEntity or EditableEntity");
    }

    /**
     * Form and API POSTs that handle deadlocks and certification conflicts themselves, or must not be run twice as one
     * transaction, with why; every other POST is {@code @RetriesConflicts}.
     */
    static final Map<String, String> POSTS_WITHOUT_THE_RETRY = Map.ofEntries(
            Map.entry("account.SignInResource", "sign-in, two-step and session retry inside (SignInService, SessionService)"),
            Map.entry("account.TwoStepResource", "TwoStepService retries its checks itself"),
            Map.entry("assessment.AssessmentResource.save", "the answer save retries itself (Transactions.retryingConflicts)"),
            Map.entry("assessment.AssessmentApiResource", "the answer save retries itself"),
            Map.entry("survey.SurveyResource", "survey answers retry by their nonce, lost connections too"),
            Map.entry("useradmin.AccountLinksResource", "a reset request counts its limit in a transaction of its own"),
            Map.entry("panel.PanelResource.issueLetters", "LetterBatch: a transaction per letter, each retried"),
            Map.entry("letter.LetterBatchResource", "LetterBatch: a transaction per letter, each retried"),
            Map.entry("agencyadmin.AgencyAdminResource.create", "a lost race is caught after its commit and asked again"),
            Map.entry("agencyadmin.AgencyAdminResource.update", "a lost race is caught after its commit and asked again"),
            Map.entry("agencyadmin.AgencyImportResource.confirm", "a name taken meanwhile is caught after the commit"),
            Map.entry("actionplan.ActionPlanResource.update", "a lost update is caught after its commit"),
            Map.entry("actionplan.ActionPlanResource.delete", "a refusal is an exception the resource catches"),
            Map.entry("actionplan.ActionPlanApiResource", "a lost update is caught after its commit"),
            Map.entry("monitoring.YearTwoResource.agree", "a refusal is an exception the resource catches"),
            Map.entry("monitoring.YearTwoResource.sendReturn", "a refusal is an exception the resource catches"));

    @Test
    void everyPostRetriesConflictsOrSaysWhyNot() {
        Set<String> without = new TreeSet<>();
        Set<String> listed = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            String name = type.getName().substring(ROOT.length());
            for (var method : type.getMethods()) {
                if (!method.isAnnotatedWith(jakarta.ws.rs.POST.class)) {
                    continue;
                }
                String qualified = name + "." + method.getName();
                String reason = POSTS_WITHOUT_THE_RETRY.containsKey(qualified) ? qualified
                        : POSTS_WITHOUT_THE_RETRY.containsKey(name) ? name : null;
                if (reason != null) {
                    listed.add(reason);
                } else if (!method.isAnnotatedWith(RetriesConflicts.class) && !type.isAnnotatedWith(RetriesConflicts.class)) {
                    without.add(qualified);
                }
            }
        }
        assertEquals(Set.of(), without, "POSTs neither @RetriesConflicts nor in POSTS_WITHOUT_THE_RETRY");
        assertEquals(new TreeSet<>(POSTS_WITHOUT_THE_RETRY.keySet()), listed, "entries that name no POST any more");
    }

    @Test
    void theCheckSeesTheCode() {
        // guards against an import that finds nothing (every rule above would then pass)
        assertTrue(CLASSES.size() > 100, "only " + CLASSES.size() + " classes imported");
        assertTrue(CLASSES.contain("org.s11portal.assessment.Assessment"));
    }

    /** "org.s11portal.survey.x" -> "survey"; common's sub-packages are one level. */
    static String feature(String packageName) {
        String rest = packageName.startsWith(ROOT) ? packageName.substring(ROOT.length()) : packageName;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
