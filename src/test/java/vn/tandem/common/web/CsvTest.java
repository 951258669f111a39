package vn.tandem.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Exports quote every field and never hand a spreadsheet a formula. */
class CsvTest {

    @Test
    void quotesAndNeutralisesFormulas() throws Exception {
        StringWriter out = new StringWriter();
        Csv.line(out, "VV-2026-000001", "=HYPERLINK(\"x\")", "Nguyễn \"Ba\"", null, "+1", "-2", "@cmd");
        assertThat(out.toString())
                .isEqualTo("\"'VV-2026-000001\",\"'=HYPERLINK(\"\"x\"\")\",\"Nguyễn \"\"Ba\"\"\",,"
                                .replace("\"'VV", "\"VV")
                        + "\"'+1\",\"'-2\",\"'@cmd\"\r\n");
    }
}
