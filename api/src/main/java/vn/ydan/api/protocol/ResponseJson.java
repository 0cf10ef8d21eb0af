package vn.ydan.api.protocol;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a GraphQL response (the maps and lists graphql-java built) straight to a
 * {@link JsonGenerator}: a page of 100 units is ~2,000 values, and databind looked up a
 * serializer for each of them (issue 19). Strings, booleans, whole numbers, doubles,
 * maps, lists and nulls are written here; any other value (a {@code RawValue} of a cached
 * answer, a big decimal, an extension's object) by the application's mapper, as before.
 */
final class ResponseJson {

	private ResponseJson() {
	}

	static void write(Map<String, Object> response, OutputStream out, ObjectMapper mapper) {
		try (JsonGenerator generator = mapper.createGenerator(out)) {
			value(generator, response, mapper);
		}
	}

	private static void value(JsonGenerator generator, @Nullable Object value, ObjectMapper mapper) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof String text) {
			generator.writeString(text);
		}
		else if (value instanceof Map<?, ?> map) {
			generator.writeStartObject();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				generator.writeName(String.valueOf(entry.getKey()));
				value(generator, entry.getValue(), mapper);
			}
			generator.writeEndObject();
		}
		else if (value instanceof List<?> list) {
			generator.writeStartArray();
			for (Object item : list) {
				value(generator, item, mapper);
			}
			generator.writeEndArray();
		}
		else if (value instanceof Boolean bool) {
			generator.writeBoolean(bool);
		}
		else if (value instanceof Integer number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Long number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Double number) {
			generator.writeNumber(number);
		}
		else {
			mapper.writeValue(generator, value);
		}
	}

}
