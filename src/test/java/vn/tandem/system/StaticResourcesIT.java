package vn.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Pages link the libraries without their versions, as the templates write them, and those links are served: the
 * links are not rewritten through the resource chain on every render (WebConfig), the files are resolved when asked.
 */
@TandemIntegrationTest
class StaticResourcesIT {

    @Autowired
    TestRestTemplate rest;

    @Test
    void versionLessLibraryLinksAreWrittenAsIsAndServed() {
        String login = rest.getForObject("/login", String.class);
        assertThat(login)
                .contains("/webjars/bootstrap/css/bootstrap.min.css")
                .contains("/webjars/htmx.org/dist/htmx.min.js");
        var css = rest.getForEntity("/webjars/bootstrap/css/bootstrap.min.css", String.class);
        assertThat(css.getStatusCode().value()).isEqualTo(200);
        assertThat(css.getHeaders().getContentType()).isNotNull();
        assertThat(css.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/css")))
                .isTrue();
        assertThat(css.getBody()).contains("Bootstrap");
        var htmx = rest.getForEntity("/webjars/htmx.org/dist/htmx.min.js", String.class);
        assertThat(htmx.getStatusCode().value()).isEqualTo(200);
        assertThat(htmx.getBody()).contains("htmx");
    }
}
