package org.s11portal.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The check a template must pass before it is stored (the administration issue will call it). */
@QuarkusTest
class LetterTemplatesTest {

    @Inject
    LetterTemplates templates;

    @Inject
    LetterFixtures letters;

    @Test
    void theSeededTemplatesPass() {
        for (String scope : List.of("JOINT", "LOCAL-HAMPSHIRE", "LOCAL-ISLE_OF_WIGHT", "LOCAL-PORTSMOUTH", "LOCAL-SOUTHAMPTON")) {
            // the seeded version 1 (admins may have saved newer ones in the same database since)
            LetterTemplate template = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> LetterTemplate.<LetterTemplate>find("scopeKey = ?1 and version = 1", scope).firstResult());
            assertEquals(1, template.version, scope);
            assertEquals(List.of(), templates.problems(template.source), scope);
        }
    }

    @Test
    void aFieldLetterContentDoesNotHaveIsRefusedByName() {
        List<String> problems = templates.problems("<p>{agencyName}</p><p>{agencyNmae}</p>");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Line 1: unknown field \"agencyNmae\": a letter template can use only partnerships, date, agencyName"),
                problems.get(0));
    }

    @Test
    void anUnknownPropertyOfAKnownFieldIsRefused() {
        List<String> problems = templates.problems("{#for row in standards}<p>{row.colour}</p>{/for}");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("colour"), problems.get(0));
    }

    @Test
    void namespacesUnescapedOutputAndOtherSectionsAreRefused() {
        assertTrue(templates.problems("<p>{inject:currentUser.displayName}</p>").get(0).contains("namespace \"inject:\""));
        assertTrue(templates.problems("<p>{config:quarkus.datasource.password}</p>").get(0).contains("namespace \"config:\""));
        assertTrue(templates.problems("<p>{agencyName.raw}</p>").get(0).contains("unescaped"));
        assertTrue(templates.problems("<p>{agencyName.safe}</p>").get(0).contains("unescaped"));
        assertTrue(templates.problems("{#include layout/main}{/include}").get(0).contains("{#include} is not allowed"));
        assertTrue(templates.problems("{#eval agencyName /}").get(0).contains("{#eval} is not allowed"));
    }

    @Test
    void aTemplateThatDoesNotMakeWellFormedXhtmlIsRefused() {
        assertTrue(templates.problems("<p>{agencyName}").get(0).contains("well-formed XHTML"));
        assertTrue(templates.problems("<p>{agencyName}&nbsp;</p>").get(0).contains("well-formed XHTML"));
        assertTrue(templates.problems("<p>Line<br>break</p>").get(0).contains("well-formed XHTML"));
        assertEquals(List.of(), templates.problems("<p>Line<br />break {agencyName ?: 'colleague'}</p>"));
    }

    @Test
    void aTemplateThatCannotBeReadOrIsEmptyIsRefused() {
        assertTrue(templates.problems("{#if agencyName}<p>open</p>").get(0).startsWith("Line 1: The template cannot be read"));
        assertEquals(List.of("The template is empty"), templates.problems("  "));
    }

    @Test
    void checkRefusesWithEveryProblem() {
        LetterTemplates.InvalidTemplate refused = assertThrows(LetterTemplates.InvalidTemplate.class,
                () -> templates.check("<p>{nope}</p><p>{inject:x}</p>"));
        assertEquals(2, refused.problems.size(), refused.problems.toString());
    }
}
