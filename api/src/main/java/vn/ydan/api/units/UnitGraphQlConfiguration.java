package vn.ydan.api.units;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The {@code Date} scalar: ISO {@code YYYY-MM-DD}, bound to {@link LocalDate}.
 */
@Configuration(proxyBeanMethods = false)
class UnitGraphQlConfiguration {

	static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
		.name("Date")
		.description("A calendar date, ISO-8601 YYYY-MM-DD.")
		.coercing(new DateCoercing())
		.build();

	@Bean
	RuntimeWiringConfigurer dateScalar() {
		return (wiring) -> wiring.scalar(DATE);
	}

	static final class DateCoercing implements Coercing<LocalDate, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof LocalDate date) {
				return date.toString();
			}
			if (value instanceof String text) {
				return parse(text, CoercingSerializeException::new).toString();
			}
			throw new CoercingSerializeException("Not a date: " + value);
		}

		@Override
		public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof LocalDate date) {
				return date;
			}
			if (input instanceof String text) {
				return parse(text, CoercingParseValueException::new);
			}
			throw new CoercingParseValueException("A Date is a string YYYY-MM-DD, not " + input);
		}

		@Override
		public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			if (input instanceof StringValue text) {
				return parse(text.getValue(), CoercingParseLiteralException::new);
			}
			throw new CoercingParseLiteralException("A Date is a string YYYY-MM-DD");
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return StringValue.of(serialize(input, context, locale));
		}

		private static <E extends RuntimeException> LocalDate parse(String text,
				java.util.function.Function<String, E> error) {
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw error.apply("Not a date (YYYY-MM-DD): " + text);
			}
		}

	}

}
