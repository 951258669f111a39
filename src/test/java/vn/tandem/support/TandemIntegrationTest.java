package vn.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * One Spring context for every integration test class (same properties, so it is built once): the real server
 * on a random port, H2 in memory (or PostgreSQL with {@code -Dtandem.test.database=postgres}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TandemIntegrationTest.Profiles.class)
public @interface TandemIntegrationTest {

    /** {@code it}, plus {@code postgres-it} when the PostgreSQL run asks for it. */
    class Profiles implements ActiveProfilesResolver {

        @Override
        public String[] resolve(Class<?> testClass) {
            return "postgres".equals(System.getProperty("tandem.test.database"))
                    ? new String[] {"it", "postgres-it"}
                    : new String[] {"it"};
        }
    }
}
