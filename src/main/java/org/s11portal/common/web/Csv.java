package org.s11portal.common.web;

/** CSV downloads: quoted cells, CRLF rows, and formulas neutralised so that spreadsheets never run a cell. */
public final class Csv {

    private Csv() {
    }

    public static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    /** Quoted, and a leading = + - @ neutralised so that spreadsheets do not run it as a formula. */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
