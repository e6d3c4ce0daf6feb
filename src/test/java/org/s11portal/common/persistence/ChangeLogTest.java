package org.s11portal.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Liquibase owns the schema, one DDL statement per changeset (or only data changes) (docs/architecture.md): a changeset that fails half
 * way then leaves nothing applied that Liquibase does not know about, on MariaDB where DDL is not transactional.
 */
class ChangeLogTest {

    private static final Path CHANGES = Path.of("src", "main", "resources", "db", "changes");
    /** What a changeset may hold besides its one change. */
    private static final Set<String> NOT_A_CHANGE = Set.of("preConditions", "validCheckSum", "comment", "rollback");
    /** Data changes run in one transaction, so several rows may go in one changeset (never mixed with DDL). */
    private static final Set<String> DATA = Set.of("insert", "update", "delete", "loadData", "loadUpdateData");

    @Test
    void everyChangesetHoldsOneStatement() throws Exception {
        List<String> crowded = new ArrayList<>();
        int changesets = 0;
        for (Path file : changeFiles()) {
            NodeList sets = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                    .getElementsByTagName("changeSet");
            for (int i = 0; i < sets.getLength(); i++) {
                Element set = (Element) sets.item(i);
                changesets++;
                int ddl = 0;
                int data = 0;
                for (Node child = set.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element element && !NOT_A_CHANGE.contains(element.getTagName())) {
                        if (DATA.contains(element.getTagName())) {
                            data++;
                        } else {
                            ddl++;
                        }
                    }
                }
                if (ddl > 1 || (ddl == 1 && data > 0) || ddl + data == 0) {
                    crowded.add(file.getFileName() + " " + set.getAttribute("id") + ": " + ddl + " DDL, " + data + " data");
                }
            }
        }
        assertTrue(changesets > 40, "read " + changesets + " changesets");
        assertEquals(List.of(), crowded);
    }

    private static List<Path> changeFiles() throws IOException {
        try (Stream<Path> files = Files.list(CHANGES)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
    }
}
