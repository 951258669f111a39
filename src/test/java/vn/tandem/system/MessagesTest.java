package vn.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The Vietnamese and English message bundles have the same keys, and Vietnamese keeps its diacritics. */
class MessagesTest {

    static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bundlesHaveTheSameKeys() throws Exception {
        Properties vi = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(vi.keySet());
        assertThat(vi.getProperty("status.MONITORING")).isEqualTo("Đang theo dõi");
        assertThat(vi.getProperty("outcome.TEMPORARILY_STABILIZED")).isEqualTo("Tạm ổn định");
    }
}
