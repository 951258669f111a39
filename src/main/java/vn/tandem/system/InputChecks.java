package vn.tandem.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import vn.tandem.common.CleanText;

/**
 * Text a user sends may not hold NUL or other control characters, nor half of a surrogate pair
 * ({@link CleanText}): JSON strings are refused while the body is read (400 naming the field), form fields while
 * they are bound (the form shows the error beside the field).
 */
@Configuration
class InputChecks {

    static final String REFUSED = "validation.characters";

    /** JSON: every string value is checked as it is read. */
    @Bean
    Module cleanTextModule() {
        SimpleModule module = new SimpleModule("tandem-clean-text");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = super.deserialize(parser, context);
                if (!CleanText.isClean(value)) {
                    throw context.weirdStringException(value, String.class, REFUSED);
                }
                return value;
            }
        });
        return module;
    }

    /** Forms and query parameters: every string field is checked as it is bound. */
    @ControllerAdvice
    static class Binding {

        @InitBinder
        void cleanText(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    if (!CleanText.isClean(text)) {
                        throw new IllegalArgumentException(REFUSED);
                    }
                    setValue(text);
                }
            });
        }
    }
}
