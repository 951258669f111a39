package vn.tandem.common;

import java.io.IOException;
import java.io.Writer;

/**
 * CSV for exports: UTF-8 with a byte-order mark (so spreadsheet programs show Vietnamese correctly), every field
 * quoted, and values that a spreadsheet would run as a formula neutralised.
 */
public final class Csv {

    private Csv() {}

    public static void bom(Writer out) throws IOException {
        out.write('\uFEFF');
    }

    public static void line(Writer out, String... values) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append(i == 0 ? "" : ",").append(field(values[i]));
        }
        out.write(line.append("\r\n").toString());
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
