package vn.ydan.admin.plans.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import vn.ydan.admin.i18n.Translations;
import vn.ydan.admin.plans.Validation;

/**
 * The validation in full: every rule with its count of issues, and the issues; clicking
 * an issue shows the unit it is about.
 * <p>
 * Ids: {@code plan-rules}, {@code plan-issues}, {@code plan-validation-duration}.
 */
final class ValidationPanel extends VerticalLayout {

	private final Grid<Validation.Rule> rules = new Grid<>();

	private final Grid<Validation.Issue> issues = new Grid<>();

	private final H3 rulesTitle = new H3();

	private final H3 issuesTitle = new H3();

	private final Span duration = new Span();

	ValidationPanel(Consumer<Validation.Issue> onIssue) {
		setPadding(false);
		setSizeFull();
		this.rules.setId("plan-rules");
		this.rules.addThemeVariants(GridVariant.ROW_STRIPES);
		this.rules.setAllRowsVisible(true);
		this.issues.setId("plan-issues");
		this.issues.addThemeVariants(GridVariant.ROW_STRIPES);
		this.issues.setHeight("24rem");
		this.issues.addItemClickListener((click) -> onIssue.accept(click.getItem()));
		this.duration.setId("plan-validation-duration");
		this.duration.getStyle().set("color", "var(--vaadin-text-color-secondary, #52606d)");
		add(this.rulesTitle, this.rules, this.issuesTitle, this.issues, this.duration);
	}

	/** The rule in the user's language; the api's description is Vietnamese only. */
	private String ruleName(Validation.Rule rule) {
		String key = "plans.rule." + rule.rule();
		String name = getTranslation(key);
		return name.equals(Translations.missing(key)) ? rule.description() : name;
	}

	void show(Validation validation) {
		this.rulesTitle.setText(getTranslation("plans.validation.rules"));
		this.issuesTitle
			.setText(getTranslation("plans.validation.issues", validation.errorCount(), validation.warningCount()));
		this.rules.removeAllColumns();
		this.rules.addColumn(this::ruleName).setHeader(getTranslation("plans.validation.column.rule")).setFlexGrow(3);
		this.rules.addColumn((rule) -> getTranslation("plans.severity." + rule.severity().toLowerCase()))
			.setHeader(getTranslation("plans.validation.column.severity"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.rules.addColumn(Validation.Rule::count)
			.setHeader(getTranslation("plans.validation.column.count"))
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.rules
			.setPartNameGenerator((rule) -> (rule.count() > 0 && "ERROR".equals(rule.severity())) ? "error" : null);
		this.rules.setItems(validation.ruleResults());
		this.issues.removeAllColumns();
		this.issues.addColumn((issue) -> getTranslation("plans.severity." + issue.severity().toLowerCase()))
			.setHeader(getTranslation("plans.validation.column.severity"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.issues.addColumn(Validation.Issue::message)
			.setHeader(getTranslation("plans.validation.column.message"))
			.setFlexGrow(3);
		this.issues.addColumn(Validation.Issue::rule)
			.setHeader(getTranslation("plans.validation.column.code"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.issues.getColumns().forEach((column) -> column.setSortable(false));
		this.rules.getColumns().forEach((column) -> column.setSortable(false));
		this.issues.setEmptyStateText(getTranslation("plans.validation.no-issues"));
		this.issues.setItems(validation.issueList());
		this.duration
			.setText(getTranslation("plans.validation.duration", PlanFormat.number(this, validation.durationMs())));
	}

}
