package org.s11portal.agencyadmin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.agency.Sector;
import org.s11portal.audit.AdminChange;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Bulk import: every row checked before anything is imported, then all rows in one transaction, or none. */
@QuarkusTest
class AgencyImportTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PageCost cost;

    private static final String HEADER = "name,sector,areas,headcount,senior lead name,senior lead email\n";

    private static String csv(String prefix, int rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            csv.append(prefix).append(' ').append(i).append(",Police,Portsmouth; ISLE_OF_WIGHT,").append(i)
                    .append(",Lead ").append(i).append(",lead").append(i).append("@example.org\n");
        }
        return csv.toString();
    }

    @Test
    void aThousandValidRowsAreImportedInOneGo() {
        String prefix = Fixtures.unique("Bulk");
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        admin.get("/admin/agencies/import").then().statusCode(200).body(containsString("template.csv"));
        AgencyAdminData.upload(admin, "agencies.csv", csv(prefix, 1000)).then().statusCode(303);
        String path = AgencyAdminScopeTest.latestImport();
        admin.get(path).then().statusCode(200).body(containsString("1000 agencies, no problems"))
                .body(containsString("Import 1000 agencies"));
        assertEquals(0, AgencyAdminData.countNamesStartingWith(prefix), "nothing imported before confirming");

        long statements = cost.statements(() -> AgencyAdminData.post(admin, path, Map.of(), List.of())
                .then().statusCode(303).header("Location", containsString("/admin/agencies/import/done?count=1000")));
        assertTrue(statements < 60, "a handful of statements for 1,000 rows, not thousands: " + statements);
        assertEquals(1000, AgencyAdminData.countNamesStartingWith(prefix));
        Agency one = AgencyAdminData.byName(prefix + " 517");
        assertEquals(Sector.POLICE, one.sector);
        assertEquals(517, one.headcount);
        assertEquals("lead517@example.org", one.seniorLeadEmail);
        assertEquals(Set.of(Area.PORTSMOUTH, Area.ISLE_OF_WIGHT), Set.copyOf(one.areas.stream().map(p -> p.code).toList()));
        assertNull(one.archivedAt);
        admin.get("/admin/agencies/" + one.id).then().statusCode(200).body(containsString(one.name));
        admin.get("/admin/agencies/import/done?count=1000").then().statusCode(200)
                .body(containsString("1000 agencies have been added")).body(containsString("href=\"/admin/agencies\""));

        List<AdminChange> entries = QuarkusTransaction.requiringNew().call(() -> AdminChange.<AdminChange>list(
                "action = 'Imported agencies' and recordLabel like ?1", "Import of 1000 agencies%"));
        AdminChange entry = entries.stream().filter(e -> e.afterJson.contains(prefix + " 1\"")).findFirst().orElseThrow();
        assertTrue(entry.afterJson.contains("\"count\" : 1000"));
        assertTrue(entry.afterJson.contains(prefix + " 1000"));
        // the import is gone once used
        admin.get(path).then().statusCode(404);
    }

    @Test
    void oneBadRowAmongManyIsListedAndNothingCanBeImported() {
        Agency existing = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        String prefix = Fixtures.unique("Mixed");
        StringBuilder file = new StringBuilder(csv(prefix, 40));
        file.append(prefix).append(" 7,Police,Portsmouth,,,\n"); // row 42: the same name as row 8
        file.append(existing.name.toLowerCase()).append(",Police,Portsmouth,,,\n"); // row 43
        file.append(prefix).append(" unknown sector,Space,Portsmouth,,,\n");
        file.append(prefix).append(" unknown area,Police,Portsmouth;Atlantis,,,\n");
        file.append(prefix).append(" outside,Police,Southampton,,,\n");
        file.append(prefix).append(" bad email,Police,Portsmouth,,Sam,sam@nowhere\n");
        file.append(prefix).append(" bad headcount,Police,Portsmouth,lots,,\n");
        file.append(",Police,Portsmouth,,,\n");
        file.append("y".repeat(201)).append(",Police,Portsmouth,,,\n");
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        AgencyAdminData.upload(admin, "agencies.csv", file.toString()).then().statusCode(303);
        String path = AgencyAdminScopeTest.latestImport();

        String preview = admin.get(path).then().statusCode(200).body(containsString("49 rows, 9 problems in 9 rows"))
                .body(not(containsString("Import 49"))).extract().asString();
        for (String problem : List.of("is also on row 8", "An agency called \u201c" + existing.name.toLowerCase()
                + "\u201d already exists", "\u201cSpace\u201d is not one of the sectors", "\u201cAtlantis\u201d is not an area",
                "Areas must include Portsmouth", "Enter the senior lead&#39;s email address in the right format",
                "Headcount must be a whole number", "Enter the agency&#39;s name", "Name must be 200 characters or fewer")) {
            assertTrue(preview.contains(problem), problem);
        }
        assertTrue(preview.contains("Row 42: "), "the error summary names the row");
        AgencyAdminData.post(admin, path, Map.of(), List.of()).then().statusCode(409)
                .body(containsString("Nothing can be imported yet"));
        assertEquals(0, AgencyAdminData.countNamesStartingWith(prefix));
    }

    @Test
    void anXlsxWorkbookIsImported() throws IOException {
        String prefix = Fixtures.unique("Workbook");
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Agencies");
            String[] header = { "Name", "Sector", "Areas", "Headcount", "Senior lead name", "Senior lead email" };
            XSSFRow top = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                top.createCell(c).setCellValue(header[c]);
            }
            XSSFRow first = sheet.createRow(1);
            first.createCell(0).setCellValue(prefix + " one");
            first.createCell(1).setCellValue("NHS trust or health provider");
            first.createCell(2).setCellValue("Hampshire; Isle of Wight; Portsmouth; Southampton");
            first.createCell(3).setCellValue(1200); // a number cell
            XSSFRow second = sheet.createRow(3); // a blank row between, skipped
            second.createCell(0).setCellValue(prefix + " two");
            second.createCell(1).setCellValue("youth_justice");
            second.createCell(2).setCellValue("SOUTHAMPTON");
            second.createCell(5).setCellValue("yj@example.org");
            workbook.createSheet("Ignored").createRow(0).createCell(0).setCellValue("not read");
            workbook.write(out);
            bytes = out.toByteArray();
        }
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        AgencyAdminData.upload(hips, "agencies.xlsx", bytes).then().statusCode(303);
        String path = AgencyAdminScopeTest.latestImport();
        hips.get(path).then().statusCode(200).body(containsString("2 agencies, no problems"))
                .body(containsString("NHS trust or health provider")).body(containsString("Youth justice"));
        AgencyAdminData.post(hips, path, Map.of(), List.of()).then().statusCode(303);

        Agency one = AgencyAdminData.byName(prefix + " one");
        assertEquals(1200, one.headcount);
        assertEquals(4, one.areas.size());
        assertEquals(Sector.HEALTH_PROVIDER, one.sector);
        Agency two = AgencyAdminData.byName(prefix + " two");
        assertEquals(Sector.YOUTH_JUSTICE, two.sector);
        assertEquals("yj@example.org", two.seniorLeadEmail);
        assertEquals("Local (Southampton)", two.route());
    }

    @Test
    void aNameTakenBetweenPreviewAndConfirmImportsNothing() {
        String prefix = Fixtures.unique("Raced");
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        AgencyAdminData.upload(admin, "agencies.csv", csv(prefix, 30)).then().statusCode(303);
        String path = AgencyAdminScopeTest.latestImport();
        admin.get(path).then().statusCode(200).body(containsString("30 agencies, no problems"));

        WebSession other = WebSession.signedIn(fixtures.admin(null).email);
        AgencyAdminData.post(other, "/admin/agencies/new", AgencyAdminData.form(prefix + " 12"), List.of("PORTSMOUTH"))
                .then().statusCode(303);

        AgencyAdminData.post(admin, path, Map.of(), List.of()).then().statusCode(409)
                .body(containsString("30 rows, 1 problem in 1 row"))
                .body(containsString("An agency called \u201c" + prefix + " 12\u201d already exists"));
        assertEquals(1, AgencyAdminData.countNamesStartingWith(prefix), "only the other admin's agency");
    }

    @Test
    void filesThatCannotBeReadAreRefusedWithAClearMessage() {
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email);
        AgencyAdminData.upload(admin, "agencies.txt", "name,sector,areas\nA,Police,Hampshire\n").then().statusCode(400)
                .body(containsString("The selected file must be a CSV or an Excel workbook (.xlsx)"));
        AgencyAdminData.upload(admin, "agencies.csv", "title,sector,areas\nA,Police,Hampshire\n").then().statusCode(400)
                .body(containsString("must have a column called \u201cname\u201d"));
        AgencyAdminData.upload(admin, "agencies.csv", HEADER).then().statusCode(400)
                .body(containsString("The file has no agencies below its header row"));
        AgencyAdminData.upload(admin, "agencies.csv", new byte[] { 'n', 'a', 'm', 'e', (byte) 0xff, '\n' }).then()
                .statusCode(400).body(containsString("CSV UTF-8"));
        AgencyAdminData.upload(admin, "agencies.xlsx", "not a workbook").then().statusCode(400)
                .body(containsString("not an Excel workbook"));
        AgencyAdminData.upload(admin, "agencies.csv", csv("Too many", 5001)).then().statusCode(400)
                .body(containsString("at most 5,000 agencies"));
        AgencyAdminData.upload(admin, "agencies.csv", new byte[(int) ImportFile.MAX_BYTES + 1]).then().statusCode(400)
                .body(containsString("smaller than 2 MB"));
    }

    @Test
    void theTemplateIsAValidFile() {
        WebSession admin = WebSession.signedIn(fixtures.admin(null).email);
        String template = admin.get("/admin/agencies/import/template.csv").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        String renamed = template.replace("Example Community Trust", Fixtures.unique("Template one"))
                .replace("Example Health NHS Trust", Fixtures.unique("Template two"));
        AgencyAdminData.upload(admin, "template.csv", renamed).then().statusCode(303);
        admin.get(AgencyAdminScopeTest.latestImport()).then().statusCode(200).body(containsString("2 agencies, no problems"));
        assertNotNull(template);
    }
}
