package org.s11portal.agencyadmin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an agency import file: a CSV (UTF-8, commons-csv) or an XLSX workbook (its first sheet, Apache POI), each
 * with a header row naming the columns in any order and case. Only the reading is here: each row's values are
 * checked by {@link AgencyRules}.
 */
final class ImportFile {

    static final long MAX_BYTES = 2L * 1024 * 1024;
    static final int MAX_ROWS = 5_000;

    /** The columns, as the header names them; name, sector and areas are required. */
    enum Column {
        NAME("name"), SECTOR("sector"), AREAS("areas"), HEADCOUNT("headcount"), SENIOR_LEAD_NAME("senior lead name"),
        SENIOR_LEAD_EMAIL("senior lead email");

        final String header;

        Column(String header) {
            this.header = header;
        }
    }

    /** One row of the file as read: its line (the header is line 1) and its text per column, unchecked. */
    record ImportRow(int line, String name, String sector, String areas, String headcount, String seniorLeadName,
            String seniorLeadEmail) {

        /** The areas, split at ";". */
        List<String> areaList() {
            return areas == null ? List.of() : Arrays.stream(areas.split(";")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        }

        AgencyFields fields() {
            return AgencyFields.of(name, sector, areaList(), headcount, seniorLeadName, seniorLeadEmail);
        }
    }

    /** What reading gave: the rows, or why the file cannot be read at all. */
    record Read(List<ImportRow> rows, String refusal) {

        static Read refused(String why) {
            return new Read(List.of(), why);
        }
    }

    private ImportFile() {
    }

    static Read read(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Read.refused("The selected file is empty");
        }
        if (bytes.length > MAX_BYTES) {
            return Read.refused("The selected file must be smaller than 2 MB");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (name.endsWith(".xlsx")) {
            return zip ? xlsx(bytes) : Read.refused("The selected file is not an Excel workbook (.xlsx)");
        }
        if (name.endsWith(".csv")) {
            return zip ? Read.refused("The selected file is not a CSV file") : csv(bytes);
        }
        return Read.refused("The selected file must be a CSV or an Excel workbook (.xlsx)");
    }

    private static Read csv(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Read.refused("The selected file must be saved as CSV UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> lines = new ArrayList<>();
        try (Reader reader = new StringReader(text);
                CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            for (CSVRecord record : parser) {
                if (lines.size() > MAX_ROWS + 1) {
                    break;
                }
                List<String> cells = new ArrayList<>();
                record.forEach(cells::add);
                lines.add(cells);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            return Read.refused("The selected file could not be read as CSV: check its quotes");
        }
        return rows(lines);
    }

    private static Read xlsx(byte[] bytes) {
        List<List<String>> lines = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.UK);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                return Read.refused("The selected workbook has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            int last = sheet.getLastRowNum();
            for (int r = 0; r <= last && lines.size() <= MAX_ROWS + 1; r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                lines.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            return Read.refused("The selected file could not be read as an Excel workbook");
        }
        return rows(lines);
    }

    /** The header's columns, then a row per line that is not blank; line numbers as a spreadsheet shows them. */
    private static Read rows(List<List<String>> lines) {
        if (lines.isEmpty() || lines.get(0).stream().allMatch(c -> c == null || c.isBlank())) {
            return Read.refused("The first row of the file must name the columns: name, sector, areas, headcount,"
                    + " senior lead name, senior lead email");
        }
        Map<Column, Integer> columns = new LinkedHashMap<>();
        List<String> header = lines.get(0);
        for (int i = 0; i < header.size(); i++) {
            String title = header.get(i) == null ? "" : header.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
            for (Column column : Column.values()) {
                if (column.header.equals(title)) {
                    columns.putIfAbsent(column, i);
                }
            }
        }
        for (Column required : List.of(Column.NAME, Column.SECTOR, Column.AREAS)) {
            if (!columns.containsKey(required)) {
                return Read.refused("The first row of the file must have a column called \u201c" + required.header + "\u201d");
            }
        }
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                return Read.refused("The file must have at most " + String.format(Locale.UK, "%,d", MAX_ROWS)
                        + " agencies: split it into smaller files");
            }
            rows.add(new ImportRow(i + 1, cell(cells, columns, Column.NAME), cell(cells, columns, Column.SECTOR),
                    cell(cells, columns, Column.AREAS), cell(cells, columns, Column.HEADCOUNT),
                    cell(cells, columns, Column.SENIOR_LEAD_NAME), cell(cells, columns, Column.SENIOR_LEAD_EMAIL)));
        }
        if (rows.isEmpty()) {
            return Read.refused("The file has no agencies below its header row");
        }
        return new Read(rows, null);
    }

    private static String cell(List<String> cells, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.size() ? null : AgencyFields.clean(cells.get(index));
    }

    /** The template offered for download: the header and two example rows. */
    static String template() {
        StringBuilder csv = new StringBuilder();
        org.s11portal.common.web.Csv.row(csv, "name", "sector", "areas", "headcount", "senior lead name", "senior lead email");
        org.s11portal.common.web.Csv.row(csv, "Example Community Trust", "Voluntary and community sector", "Portsmouth",
                "120", "Sam Example", "sam.example@example.org");
        org.s11portal.common.web.Csv.row(csv, "Example Health NHS Trust", "NHS trust or health provider",
                "Hampshire; Isle of Wight; Portsmouth; Southampton", "", "", "");
        return csv.toString();
    }
}
