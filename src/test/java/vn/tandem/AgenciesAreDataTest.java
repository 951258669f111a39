package vn.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The agencies are reference data: no code, template, BPMN model or script names one, outside the reference data
 * (migrations), the demo data and the adapter for process versions deployed before agencies became data.
 */
class AgenciesAreDataTest {

    static final List<String> ALLOWED = List.of("/demo/", "LegacyAgencySteps.java");

    static List<String> agencyCodes() throws IOException {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/common/V2__reference_data.sql"));
        Matcher m = Pattern.compile("\\('([A-Z][A-Z0-9_]+)', '[^']*', '[^']*', \\d+\\)")
                .matcher(sql);
        List<String> codes = new ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    @Test
    void noAgencyIsNamedOutsideTheReferenceData() throws IOException {
        List<String> codes = agencyCodes();
        assertThat(codes).as("agencies of the reference data").hasSizeGreaterThanOrEqualTo(2);
        Pattern anyCode = Pattern.compile("(?i)(" + String.join("|", codes) + ")");
        List<String> found = new ArrayList<>();
        for (Path root : List.of(
                Path.of("src/main/java"),
                Path.of("src/main/resources/templates"),
                Path.of("src/main/resources/static/js"),
                Path.of("bpmn"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.toString().replace('\\', '/');
                    if (ALLOWED.stream().anyMatch(name::contains)) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        boolean comment = name.endsWith(".java")
                                && (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*"));
                        if (!comment && anyCode.matcher(line).find()) {
                            found.add(name + ":" + (i + 1) + " " + line.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
