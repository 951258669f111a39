package vn.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every word a user reads comes from the bundles, in Vietnamese and English (like spring-petclinic's
 * {@code I18nPropertiesSyncTest}): both bundles have the same keys; every key the templates and the Java code name
 * exists; no Vietnamese text is written in Java outside the demo data; templates show no text of their own.
 */
class I18nTest {

    static final Path MAIN = Path.of("src/main/java");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern VIETNAMESE = Pattern.compile("[\\u00C0-\\u1EF9]");
    static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void bothBundlesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties vi = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        Set<String> onlyVi = new TreeSet<>(vi.stringPropertyNames());
        onlyVi.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(vi.stringPropertyNames());
        assertThat(onlyVi).as("keys only in Vietnamese").isEmpty();
        assertThat(onlyEn).as("keys only in English").isEmpty();
        assertThat(vi.stringPropertyNames())
                .filteredOn(k -> vi.getProperty(k).isBlank())
                .isEmpty();
        assertThat(en.stringPropertyNames())
                .as("English texts that are still Vietnamese")
                .filteredOn(k -> VIETNAMESE.matcher(en.getProperty(k)).find()
                        && en.getProperty(k).equals(vi.getProperty(k))
                        && !k.startsWith("agency.")
                        && !k.startsWith("lang."))
                .isEmpty();
    }

    @Test
    void everyKeyTheTemplatesNameExists() throws IOException {
        Properties vi = bundle("messages.properties");
        Pattern literal = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[(}]");
        Pattern prefix = Pattern.compile("#\\{'([A-Za-z][A-Za-z0-9_.]*\\.)' \\+");
        List<String> missing = new ArrayList<>();
        for (Path file : files(TEMPLATES, ".html")) {
            String html = Files.readString(file);
            Matcher m = literal.matcher(html);
            while (m.find()) {
                if (!vi.containsKey(m.group(1))) {
                    missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
            Matcher p = prefix.matcher(html);
            while (p.find()) {
                String start = p.group(1);
                if (vi.stringPropertyNames().stream().noneMatch(k -> k.startsWith(start))) {
                    missing.add(file.getFileName() + ": " + start + "*");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyTheJavaCodeNamesExists() throws IOException {
        Properties vi = bundle("messages.properties");
        // message keys handed to Text, timeline details, exceptions and field problems
        Pattern use = Pattern.compile("(?:Text\\.of|Detail\\.of|Exception|FieldProblem)\\((?:\"[A-Za-z]+\", )?"
                + "\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
        List<String> missing = new ArrayList<>();
        for (Path file : files(MAIN, ".java")) {
            Matcher m = use.matcher(Files.readString(file));
            while (m.find()) {
                if (!vi.containsKey(m.group(1))) {
                    missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noVietnameseWordsInJavaOutsideTheDemoData() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files(MAIN, ".java")) {
            if (file.toString().contains("/demo/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                    continue; // comments may quote the law's words
                }
                Matcher m = STRING.matcher(line);
                while (m.find()) {
                    if (VIETNAMESE.matcher(m.group(1)).find()) {
                        found.add(file.getFileName() + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("Vietnamese text belongs in messages.properties").isEmpty();
    }

    @Test
    void userFacingSinksTakeKeysNotWords() throws IOException {
        // a literal sentence handed to what a user reads: a plain text, a flash message, a model error
        Pattern sink = Pattern.compile("(?:Text\\.plain|Text\\.bilingual|addFlashAttribute\\(\"(?:success|error)\",|"
                + "addAttribute\\(\"(?:success|error)\",)\\s*\"[^\"]*[A-Za-z]{2,}\\s[A-Za-z]");
        List<String> found = new ArrayList<>();
        for (Path file : files(MAIN, ".java")) {
            String java = Files.readString(file);
            Matcher m = sink.matcher(java);
            while (m.find()) {
                found.add(file.getFileName() + ": " + m.group());
            }
        }
        assertThat(found).isEmpty();
    }

    /** Text a template shows by itself, not replaced by {@code th:text} or a fragment: it would not translate. */
    @Test
    void templatesShowNoTextOfTheirOwn() throws IOException {
        Set<String> allowed = Set.of("Tandem", "BPMN", "CSV", "API", "VV-");
        List<String> found = new ArrayList<>();
        for (Path file : files(TEMPLATES, ".html")) {
            Document doc = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
            for (Element e : doc.getAllElements()) {
                if (replaced(e)) {
                    continue;
                }
                for (TextNode t : e.textNodes()) {
                    String text = t.text().strip();
                    if (text.codePoints().anyMatch(Character::isLetter)
                            && allowed.stream().noneMatch(text::equals)) {
                        found.add(TEMPLATES.relativize(file) + " <" + e.tagName() + ">: " + text);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** Whether the element or one of its ancestors replaces its text (or it is code). */
    static boolean replaced(Element e) {
        for (Element x = e; x != null; x = x.parent()) {
            String tag = x.tagName().toLowerCase(Locale.ROOT);
            if (tag.equals("script") || tag.equals("style") || tag.equals("code") || tag.equals("pre")) {
                return true;
            }
            if (tag.equals("html")) {
                break; // a page's <html th:replace> puts the layout around the page's own <main>
            }
            for (String attr : List.of("th:text", "th:utext", "th:errors", "th:replace", "th:insert", "th:remove")) {
                if (x.hasAttr(attr)) {
                    return true;
                }
            }
        }
        return false;
    }
}
