package vn.tandem.common.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV for exports, the one writer every export uses: UTF-8 with a byte-order mark (so spreadsheet programs show
 * Vietnamese correctly), every field quoted, and values that a spreadsheet would run as a formula neutralised.
 */
public final class Csv {

    /** A table to export: its file name, column names and rows. */
    public record Table(String fileName, List<String> header, List<List<String>> rows) {}

    private Csv() {}

    /** A cell's text: empty for no value (never the word "null"). */
    public static String cell(Object value) {
        return value == null ? "" : value.toString();
    }

    /**
     * The table as a download, written in the request's own thread (the table is in memory already; an asynchronous
     * body would commit a new database session from a second thread).
     */
    public static ResponseEntity<byte[]> download(Table table) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(table.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(bytes(table));
    }

    private static byte[] bytes(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            write(writer, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static void write(Writer out, Table table) throws IOException {
        bom(out);
        line(out, table.header().toArray(String[]::new));
        for (List<String> row : table.rows()) {
            line(out, row.toArray(String[]::new));
        }
    }

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
