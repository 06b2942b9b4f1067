package org.ecabinet.platform.web;

import java.io.IOException;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.json.Jackson2JsonDecoder;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Wrong types are errors, not guesses: Jackson would otherwise accept {@code "reason": 12} as the text
 * "12" or {@code "online": "true"} as a boolean, and a client's mistake would pass unnoticed. Request bodies
 * are stricter still: a key given twice is refused (which of the two counts would otherwise depend on the
 * parser), and no text may carry control characters (tab and line breaks aside) or the invisible marks that
 * reorder how text is shown (bidirectional overrides and isolates), which can make a reason or a name read
 * differently from what is stored. Only the HTTP decoder is this strict: stored events are read as written.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarCoercion() {
        return builder -> builder
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    CodecCustomizer strictRequestBodies(ObjectMapper mapper) {
        ObjectMapper requests = mapper.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .registerModule(new SimpleModule("plain-text").addDeserializer(String.class, new PlainText()));
        return configurer -> configurer.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(requests));
    }

    /** Text as a person typed it: refuses control characters and the characters that reorder displayed text. */
    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !isPlain(text)) {
                throw new ForbiddenCharacters(parser, text);
            }
            return text;
        }

        static boolean isPlain(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') || isDirectionMark(c)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isDirectionMark(char c) {
            return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F' || c == '\u061C';
        }
    }

    /** A text field holding a control character or a bidirectional override: a field error with code {@code text.forbidden-characters}. */
    static final class ForbiddenCharacters extends InvalidFormatException {

        static final String CODE = "text.forbidden-characters";

        ForbiddenCharacters(JsonParser parser, String text) {
            super(parser, "The text holds a control character or a character that reverses the direction of what is shown.", null, String.class);
        }
    }
}
