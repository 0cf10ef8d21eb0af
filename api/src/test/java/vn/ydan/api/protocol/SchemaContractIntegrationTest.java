package vn.ydan.api.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaPrinter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ydan.api.ApiIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The public schema is a contract. {@code docs/api/schema.graphql} is the schema the API
 * serves, printed in a stable order; no change to it breaks clients unless declared in
 * {@code docs/api/declared-breaking-changes.txt} (graphql-inspector decides what breaks,
 * against the committed file and against the file on the {@code main} branch); and every
 * type, field, input field and enum value says what it is.
 * <p>
 * {@code scripts/update-schema.sh} (this test with {@code -Dydan.schema.update=true})
 * rewrites the file after the same breaking-change check.
 */
class SchemaContractIntegrationTest extends ApiIntegrationTest {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Path SCHEMA = ROOT.resolve("docs/api/schema.graphql");

	static final Path DECLARED = ROOT.resolve("docs/api/declared-breaking-changes.txt");

	private static final String REGENERATE = "scripts/update-schema.sh";

	private static final Set<String> BUILT_IN_DIRECTIVES = Set.of("include", "skip", "deprecated", "specifiedBy",
			"oneOf", "defer", "experimental_disableErrorPropagation");

	@Autowired
	private GraphQlSource graphQlSource;

	@Test
	void theCommittedSchemaIsTheSchemaTheApiServes() throws IOException {
		String printed = print(this.graphQlSource.schema());
		if (Boolean.getBoolean("ydan.schema.update")) {
			List<String> breaking = undeclaredBreakingChanges(printed);
			if (!breaking.isEmpty()) {
				fail("Not writing " + SCHEMA + ": " + explain(breaking));
			}
			Files.createDirectories(SCHEMA.getParent());
			Files.writeString(SCHEMA, printed, StandardCharsets.UTF_8);
			return;
		}
		String committed = Files.exists(SCHEMA) ? Files.readString(SCHEMA, StandardCharsets.UTF_8) : "";
		if (!committed.equals(printed)) {
			fail("docs/api/schema.graphql is not the schema the api serves (first difference at line "
					+ firstDifference(committed, printed) + "). Regenerate it with " + REGENERATE
					+ " and commit it with the change.");
		}
	}

	@Test
	void noUndeclaredBreakingChange() {
		List<String> breaking = undeclaredBreakingChanges(print(this.graphQlSource.schema()));

		assertThat(breaking).as(explain(breaking)).isEmpty();
	}

	@Test
	void everyTypeFieldInputFieldAndEnumValueHasADescription() {
		List<String> undescribed = new ArrayList<>();
		List<String> arguments = new ArrayList<>();
		for (GraphQLNamedType type : this.graphQlSource.schema().getAllTypesAsList()) {
			if (type.getName().startsWith("__")
					|| (type instanceof GraphQLScalarType scalar && ScalarInfo.isGraphqlSpecifiedScalar(scalar))) {
				continue;
			}
			check(undescribed, type.getName(), type.getDescription());
			if (type instanceof GraphQLFieldsContainer container) {
				for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
					String path = type.getName() + "." + field.getName();
					check(undescribed, path, field.getDescription());
					for (GraphQLArgument argument : field.getArguments()) {
						check(arguments, path + "(" + argument.getName() + ":)", argument.getDescription());
					}
				}
			}
			if (type instanceof GraphQLInputObjectType input) {
				for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
					check(undescribed, type.getName() + "." + field.getName(), field.getDescription());
				}
			}
			if (type instanceof GraphQLEnumType enumeration) {
				for (GraphQLEnumValueDefinition value : enumeration.getValues()) {
					check(undescribed, type.getName() + "." + value.getName(), value.getDescription());
				}
			}
		}

		assertThat(undescribed).as("schema elements without a description (write one in the .graphqls file)").isEmpty();
	}

	/** The schema as the contract file holds it: SDL, types and fields by name. */
	static String print(GraphQLSchema schema) {
		SchemaPrinter printer = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
			.includeScalarTypes(true)
			.includeDirectiveDefinition((name) -> !BUILT_IN_DIRECTIVES.contains(name)));
		return printer.print(schema).strip() + "\n";
	}

	/**
	 * The breaking changes from the committed schema, and from the one on {@code main}
	 * when git knows it, to {@code printed}, less the declared ones.
	 */
	private static List<String> undeclaredBreakingChanges(String printed) {
		Map<String, String> bases = new LinkedHashMap<>();
		try {
			if (Files.exists(SCHEMA)) {
				bases.put("the committed docs/api/schema.graphql", Files.readString(SCHEMA, StandardCharsets.UTF_8));
			}
			String base = System.getProperty("ydan.schema.base", "main");
			String onMain = git("show", base + ":docs/api/schema.graphql");
			if (onMain != null) {
				bases.put("docs/api/schema.graphql on " + base, onMain);
			}
			Set<String> declared = declared();
			Path work = Files.createTempDirectory("ydan-schema");
			Path current = Files.writeString(work.resolve("served.graphql"), printed);
			List<String> breaking = new ArrayList<>();
			int i = 0;
			for (Map.Entry<String, String> base2 : bases.entrySet()) {
				Path old = Files.writeString(work.resolve("base" + (i++) + ".graphql"), base2.getValue());
				NodeChecks.Result run = NodeChecks.run("diff-schema.mjs", old.toString(), current.toString());
				if (run.exitCode() != 0) {
					fail("graphql-inspector could not compare the schemas: " + run);
				}
				for (JsonNode change : JsonMapper.builder().build().readTree(run.out())) {
					String key = change.get("type").asString() + " " + change.path("path").asString("");
					if ("BREAKING".equals(change.get("criticality").asString()) && !declared.contains(key)) {
						breaking
							.add(key + "  (" + change.get("message").asString() + ", since " + base2.getKey() + ")");
					}
				}
			}
			return breaking.stream().distinct().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> declared() throws IOException {
		if (!Files.exists(DECLARED)) {
			return Set.of();
		}
		return Files.readAllLines(DECLARED, StandardCharsets.UTF_8)
			.stream()
			.map((line) -> line.replaceFirst("#.*", "").strip().replaceAll("\\s+", " "))
			.filter((line) -> !line.isEmpty())
			.collect(Collectors.toSet());
	}

	private static String explain(List<String> breaking) {
		return breaking.size() + " breaking change(s) to the public schema:\n  " + String.join("\n  ", breaking)
				+ "\nDeprecate instead of removing or changing (@deprecated(reason: \"...\")), or, if it must break, "
				+ "declare each as `<TYPE> <path>  # why` in docs/api/declared-breaking-changes.txt.";
	}

	private static @Nullable String git(String... arguments) {
		List<String> command = new ArrayList<>(List.of("git", "-C", ROOT.toString()));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				return null;
			}
			return out;
		}
		catch (IOException ex) {
			// No git (a source archive): the committed file is the only base.
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static int firstDifference(String a, String b) {
		String[] left = a.split("\n", -1);
		String[] right = b.split("\n", -1);
		int i = 0;
		while (i < left.length && i < right.length && left[i].equals(right[i])) {
			i++;
		}
		return i + 1;
	}

	private static void check(List<String> undescribed, String path, @Nullable String description) {
		if (description == null || description.isBlank()) {
			undescribed.add(path);
		}
	}

}
