package vn.ydan.admin;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * How the console's packages may depend on each other.
 * <p>
 * The console is laid out by feature: {@code vn.ydan.admin.<feature>} holds the feature's
 * {@code *Api} class (its calls to the api) and the records those calls answer with,
 * {@code vn.ydan.admin.<feature>.ui} its views and dialogs. Every other top-level package
 * is shared ({@link #SHARED}): the api client and the types every feature's answers share
 * ({@code api}), sign-in and tokens ({@code security}), the frame around the views
 * ({@code layout}), error pages ({@code error}), uploads ({@code files}), translations
 * ({@code i18n}). A package not in that list is a feature.
 */
@AnalyzeClasses(packages = ConsoleArchitectureUnitTest.CONSOLE, importOptions = ImportOption.DoNotIncludeTests.class)
class ConsoleArchitectureUnitTest {

	static final String CONSOLE = "vn.ydan.admin";

	/** The top-level packages every feature may use. */
	static final List<String> SHARED = List.of("api", "error", "files", "i18n", "layout", "security");

	/**
	 * Feature code talks to the api only through its {@code *Api} classes: nothing else
	 * (no view, no dialog, no helper) touches the GraphQL client.
	 */
	@ArchTest
	static final ArchRule onlyApiClassesUseTheGraphQlClient = noClasses().that()
		.resideOutsideOfPackage(CONSOLE + ".api..")
		.and()
		.haveSimpleNameNotEndingWith("Api")
		.should()
		.dependOnClassesThat()
		.belongToAnyOf(ApiClient.class)
		.because("a feature talks to the api only through its *Api classes");

	/**
	 * Nor any other way to the api: a feature's HTTP and GraphQL calls are in its
	 * {@code *Api} classes too (the shared {@code security} package talks to Keycloak,
	 * not to the api).
	 */
	@ArchTest
	static final ArchRule onlyApiClassesOfFeaturesMakeCalls = noClasses().that(areInAFeature())
		.and()
		.haveSimpleNameNotEndingWith("Api")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.graphql.client..", "org.springframework.web.client..",
				"java.net.http..")
		.because("a feature talks to the api only through its *Api classes");

	/** The {@code *Api} classes are the features' own, not their views'. */
	@ArchTest
	static final ArchRule apiClassesAreOutsideTheViews = classes().that()
		.haveSimpleNameEndingWith("Api")
		.should()
		.resideOutsideOfPackage(CONSOLE + ".*.ui..");

	/**
	 * A view (anything in {@code <feature>.ui}) uses its own feature (its {@code *Api},
	 * the records it answers with, the feature's other views) and the shared packages,
	 * never another feature's classes: what two features both need is shared, in
	 * {@code api} (a unit link, a user error, a row error) or the like.
	 */
	@ArchTest
	static final ArchRule viewsUseTheirOwnFeatureAndTheSharedPackages = classes().that()
		.resideInAPackage(CONSOLE + ".*.ui..")
		.should(dependOnlyOnTheirFeatureAndTheSharedPackages());

	/**
	 * Nor does the rest of a feature use another feature: a feature answers with its own
	 * records (the plans' {@code FoundUnit}, the consultations' {@code PlanChoice}), so
	 * that its views never reach into another feature through them.
	 */
	@ArchTest
	static final ArchRule featuresUseTheirOwnClassesAndTheSharedPackages = classes().that(areInAFeature())
		.and()
		.resideOutsideOfPackage(CONSOLE + ".*.ui..")
		.should(dependOnlyOnTheirFeatureAndTheSharedPackages());

	/** The shared packages serve the features and know none of them. */
	@ArchTest
	static final ArchRule sharedPackagesUseNoFeature = noClasses().that(areShared())
		.should()
		.dependOnClassesThat(areInAFeature())
		.because("a shared package is used by every feature and knows none of them");

	private static DescribedPredicate<JavaClass> areShared() {
		return DescribedPredicate.describe("are in a shared package " + SHARED,
				(javaClass) -> javaClass.getPackageName().startsWith(CONSOLE + ".")
						&& SHARED.contains(topPackage(javaClass.getPackageName())));
	}

	private static DescribedPredicate<JavaClass> areInAFeature() {
		return DescribedPredicate.describe("are in a feature", (javaClass) -> feature(javaClass) != null);
	}

	private static ArchCondition<JavaClass> dependOnlyOnTheirFeatureAndTheSharedPackages() {
		return new ArchCondition<>("depend only on their own feature and the shared packages " + SHARED) {

			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				String own = topPackage(javaClass.getPackageName());
				for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass().getBaseComponentType();
					String name = target.getPackageName();
					if (!name.equals(CONSOLE) && !name.startsWith(CONSOLE + ".")) {
						continue;
					}
					String top = topPackage(name);
					if (!top.equals(own) && !SHARED.contains(top)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}

		};
	}

	/**
	 * The feature a class belongs to; {@code null} for the shared packages and the root.
	 */
	private static @Nullable String feature(JavaClass javaClass) {
		String name = javaClass.getPackageName();
		if (!name.startsWith(CONSOLE + ".")) {
			return null;
		}
		String top = topPackage(name);
		return SHARED.contains(top) ? null : top;
	}

	/** {@code units} for {@code vn.ydan.admin.units.ui}; empty for the root package. */
	private static String topPackage(String name) {
		if (name.length() <= CONSOLE.length()) {
			return "";
		}
		String below = name.substring(CONSOLE.length() + 1);
		int dot = below.indexOf('.');
		return (dot < 0) ? below : below.substring(0, dot);
	}

}
