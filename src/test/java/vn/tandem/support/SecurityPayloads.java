package vn.tandem.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The security regression payloads under {@code src/test/resources/security}: BPMN files that must be refused (each
 * names the element the report must point at), resource names that must be refused, and EL injection payloads the
 * sandbox must refuse. Every payload that would get evaluated tries to set the system property {@value #CANARY} or
 * to create a file {@code target/pwned-*}.
 */
public final class SecurityPayloads {

    public static final String CANARY = "tandem.pwned";

    /** One BPMN payload file. */
    public record BpmnPayload(String file, byte[] xml, String expectedElement) {

        @Override
        public String toString() {
            return file;
        }
    }

    private static final Pattern EXPECT = Pattern.compile("Must be refused \\(element ([^)]+)\\)");

    private SecurityPayloads() {}

    public static List<BpmnPayload> bpmn() {
        try (Stream<Path> files = Files.list(
                Path.of(SecurityPayloads.class.getResource("/security/bpmn").toURI()))) {
            return files.sorted()
                    .map(p -> {
                        try {
                            byte[] xml = Files.readAllBytes(p);
                            Matcher m = EXPECT.matcher(new String(xml, StandardCharsets.UTF_8));
                            return new BpmnPayload(p.getFileName().toString(), xml, m.find() ? m.group(1) : null);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> refusedResourceNames() {
        return lines("/security/refused-resource-names.txt");
    }

    public static List<String> elPayloads() {
        return lines("/security/el-payloads.txt");
    }

    /** A process every check accepts, to deploy under a refused name. */
    public static byte[] validProcess() {
        return read("/bpmn-samples/modeler-valid.bpmn");
    }

    /** Whether any payload left its mark. */
    public static boolean canaryTouched() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return System.getProperty(CANARY) != null
                    || files.anyMatch(p -> p.getFileName().toString().startsWith("pwned-"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(String resource) {
        return new String(read(resource), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .filter(l -> !l.startsWith("#"))
                .toList();
    }

    private static byte[] read(String resource) {
        try (InputStream in = SecurityPayloads.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
