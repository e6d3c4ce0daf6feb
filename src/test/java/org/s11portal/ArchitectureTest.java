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
