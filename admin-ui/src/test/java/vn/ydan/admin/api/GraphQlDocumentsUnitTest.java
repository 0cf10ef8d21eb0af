package vn.ydan.admin.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.FileSystemResource;
import org.springframework.graphql.support.DocumentSource;
import org.springframework.graphql.support.ResourceDocumentSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query the console sends is valid against the api's schema as this commit has it:
 * a renamed field fails here, not in front of an official.
 */
class GraphQlDocumentsUnitTest {

	private static final Path SCHEMA = Path.of("../api/src/main/resources/graphql");

	private static final Path DOCUMENTS = Path.of("src/main/resources/graphql-documents");

	@Test
	void everyDocumentIsValidAgainstTheApiSchema() throws IOException {
		GraphQLSchema schema = schema();
		List<Path> documents;
		try (Stream<Path> files = Files.list(DOCUMENTS)) {
			documents = files.filter((file) -> file.toString().endsWith(".graphql")).sorted().toList();
		}
		assertThat(documents).hasSizeGreaterThan(10);
		// As the console sends them: with the shared fragments they spread.
		DocumentSource source = new FragmentDocuments(
				new ResourceDocumentSource(new FileSystemResource(DOCUMENTS.toString() + "/")));
		for (Path file : documents) {
			String name = file.getFileName().toString().replaceFirst("\\.graphql$", "");
			Document document = Parser.parse(source.getDocument(name).block());
			List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
			assertThat(errors).as(file.getFileName().toString()).isEmpty();
		}
	}

	private static GraphQLSchema schema() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(SCHEMA)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".graphqls")).sorted().toList()) {
				registry.merge(new SchemaParser().parse(Files.readString(file, StandardCharsets.UTF_8)));
			}
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

}
