package vn.ydan.admin.communities.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.layout.EChart;
import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.RowError;
import vn.ydan.admin.communities.CommunitiesApi;
import vn.ydan.admin.communities.CommuneTeams;
import vn.ydan.admin.communities.GroupImportResult;
import vn.ydan.admin.communities.TeamStats;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.files.FileNames;
import vn.ydan.admin.files.Uploads;

/**
 * A commune's residential groups and their community teams
 * ({@code communities/<commune global id>}): the public figures of the commune, then each
 * group with its security and order team and self-management group, the flags (no
 * security team, a team below its minimum), a button to form or edit each team, an import
 * of groups (CSV, all or nothing) and an export of the list (no members: personal data
 * stays in the api). Who may see and change it is the api's decision (officials and
 * clerks of the commune).
 * <p>
 * Ids: {@code communities-view}, {@code communities-title}, {@code communities-stats},
 * {@code communities-groups}, {@code communities-team-<group code>-<kind>},
 * {@code communities-upload}, {@code communities-import-result},
 * {@code communities-export}, {@code communities-error}.
 */
@Route("communities/:id")
@PermitAll
public class CommunityTeamsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	static final String SECURITY = "SECURITY_AND_ORDER";

	static final String SELF_MANAGEMENT = "SELF_MANAGEMENT";

	static final int MAX_BYTES = 20 * 1024 * 1024;

	private final CommunitiesApi api;

	private String id = "";

	private @Nullable CommuneTeams commune;

	private final VerticalLayout groups = new VerticalLayout();

	private final Div stats = new Div();

	private final Div importResult = new Div();

	/** Groups with and without a security team, teams below the minimum. */
	private final EChart groupsChart = new EChart("communities-chart-groups");

	/** Members against the law's minimum (groups × 3). */
	private final EChart membersChart = new EChart("communities-chart-members");

	public CommunityTeamsView(CommunitiesApi api) {
		this.api = api;
		setId("communities-view");
		setMaxWidth("80rem");
		this.groups.setId("communities-groups");
		this.groups.setPadding(false);
		this.stats.setId("communities-stats");
		this.importResult.setId("communities-import-result");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.id = event.getRouteParameters().get("id").orElse("");
	}

	@Override
	protected void onAttach(AttachEvent event) {
		load();
	}

	@Override
	public String getPageTitle() {
		CommuneTeams shown = this.commune;
		return ((shown != null) ? shown.fullName() : getTranslation("communities.title")) + " · "
				+ getTranslation("app.title");
	}

	void load() {
		removeAll();
		Optional<CommuneTeams> found;
		TeamStats figures;
		try {
			found = this.api.commune(this.id);
			figures = found.isPresent() ? this.api.stats(this.id) : null;
		}
		catch (ApiException ex) {
			add(new H2(getTranslation("communities.title")), Problem.of(this, "communities-error", ex, this::load));
			return;
		}
		if (found.isEmpty()) {
			add(new H2(getTranslation("communities.title")), new Paragraph(getTranslation("communities.not-found")));
			return;
		}
		CommuneTeams teams = found.get();
		this.commune = teams;
		H2 title = new H2(getTranslation("communities.heading", teams.fullName()));
		title.setId("communities-title");
		showStats(figures);
		this.groups.removeAll();
		this.groups.add(header());
		teams.communityTeams().forEach((row) -> this.groups.add(row(row)));
		add(title, this.stats, actions(teams), this.importResult, this.groups);
	}

	private void showStats(@Nullable TeamStats figures) {
		this.stats.removeAll();
		if (figures == null) {
			return;
		}
		NumberFormat number = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
		this.stats.add(new Paragraph(getTranslation("communities.stats", number.format(figures.groups()),
				number.format(figures.groupsWithTeam()), number.format(figures.members()),
				number.format(figures.teamsBelowMinimum()), number.format(Math.round(figures.yearlyCost())))));
		String withTeam = getTranslation("communities.chart.with-team");
		String withoutTeam = getTranslation("communities.chart.without-team");
		String below = getTranslation("communities.chart.below-minimum");
		this.groupsChart.show(getTranslation("communities.chart.groups"),
				FigureCharts.bars(new String[] { withTeam, withoutTeam, below },
						new long[] { figures.groupsWithTeam(), figures.groupsWithoutTeam(),
								figures.teamsBelowMinimum() },
						new String[] { "#2e7d32", "#c62828", "#ef6c00" }),
				FigureCharts.HEIGHT,
				getTranslation("communities.chart.groups.text", number.format(figures.groupsWithTeam()),
						number.format(figures.groupsWithoutTeam()), number.format(figures.teamsBelowMinimum())));
		this.membersChart.show(getTranslation("communities.chart.members"), FigureCharts.bars(
				new String[] { getTranslation("communities.chart.members-now"),
						getTranslation("communities.chart.members-minimum") },
				new long[] { figures.members(), figures.membersAtMinimum() }, new String[] { "#1565c0", "#757575" }),
				FigureCharts.HEIGHT, getTranslation("communities.chart.members.text", number.format(figures.members()),
						number.format(figures.membersAtMinimum())));
		HorizontalLayout charts = new HorizontalLayout(this.groupsChart, this.membersChart);
		charts.setWidthFull();
		charts.getStyle().set("flex-wrap", "wrap");
		this.stats.add(charts);
	}

	private HorizontalLayout actions(CommuneTeams teams) {
		Upload upload = new Upload();
		upload.setId("communities-upload");
		upload.setMaxFiles(1);
		upload.setMaxFileSize(MAX_BYTES);
		upload.setAcceptedFileTypes(".csv", "text/csv");
		upload.setUploadHandler(this::receive);
		upload.setDropLabel(new Span(getTranslation("communities.import.drop")));
		String stem = FileNames.stem(teams.fullName()) + "-to-dan-pho";
		Anchor export = new Anchor(DownloadHandler.fromInputStream((event) -> {
			byte[] bytes = exportCsv(teams).getBytes(StandardCharsets.UTF_8);
			return new DownloadResponse(new ByteArrayInputStream(bytes), stem + ".csv", "text/csv; charset=utf-8",
					bytes.length);
		}), getTranslation("communities.export"));
		export.setId("communities-export");
		HorizontalLayout actions = new HorizontalLayout(upload, export);
		actions.setAlignItems(Alignment.CENTER);
		return actions;
	}

	/** The list as CSV: groups, their teams' state and sizes, no members. */
	static String exportCsv(CommuneTeams teams) {
		StringBuilder csv = new StringBuilder(
				"commune_code,code,name,households,security_team,security_members,self_management_members,flags\n");
		for (CommuneTeams.Group row : teams.communityTeams()) {
			CommuneTeams.@Nullable Team security = row.team(SECURITY);
			CommuneTeams.@Nullable Team self = row.team(SELF_MANAGEMENT);
			csv.append(field(teams.code()))
				.append(',')
				.append(field(row.group().code()))
				.append(',')
				.append(field(row.group().name()))
				.append(',')
				.append((row.group().households() != null) ? row.group().households() : "")
				.append(',')
				.append((security == null) ? "none" : security.established() ? "established" : "forming")
				.append(',')
				.append((security != null) ? security.memberCount() : 0)
				.append(',')
				.append((self != null) ? self.memberCount() : 0)
				.append(',')
				.append(String.join(" ", row.flags()))
				.append('\n');
		}
		return csv.toString();
	}

	private static String field(@Nullable String value) {
		if (value == null) {
			return "";
		}
		return (value.contains(",") || value.contains("\"")) ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	private void receive(UploadEvent event) throws IOException {
		byte[] bytes = Uploads.readAtMost(event.getInputStream(), MAX_BYTES + 1);
		String text = (bytes.length <= MAX_BYTES) ? Uploads.utf8Text(bytes).orElse(null) : null;
		event.getUI().access(() -> importFile(text));
	}

	void importFile(@Nullable String text) {
		this.importResult.removeAll();
		if (text == null) {
			this.importResult.add(new Paragraph(getTranslation("communities.import.not-utf8")));
			return;
		}
		GroupImportResult result;
		try {
			result = this.api.importGroups(text, false);
		}
		catch (ApiException ex) {
			this.importResult.add(Problem.of(this, "communities-import-error", ex, () -> importFile(text)));
			return;
		}
		if (!result.problems().isEmpty()) {
			this.importResult.add(new Paragraph(getTranslation("communities.import.refused", result.rows())));
			for (RowError error : result.problems().subList(0, Math.min(20, result.problems().size()))) {
				this.importResult.add(new Paragraph(
						getTranslation("communities.import.line", error.line(), error.message(), error.code())));
			}
			return;
		}
		load();
		this.importResult.add(new Paragraph(
				getTranslation("communities.import.done", result.created(), result.updated(), result.unchanged())));
		addComponentAtIndex(2, this.importResult);
	}

	/**
	 * The list's heading row. A list of rows rather than a grid: a commune has a few
	 * dozen groups, and each row holds buttons.
	 */
	private HorizontalLayout header() {
		HorizontalLayout header = new HorizontalLayout(cell(getTranslation("communities.column.code"), "5rem"),
				cell(getTranslation("communities.column.group"), "14rem"),
				cell(getTranslation("communities.column.households"), "6rem"),
				cell(getTranslation("communities.kind.security_and_order"), "14rem"),
				cell(getTranslation("communities.kind.self_management"), "14rem"),
				cell(getTranslation("communities.column.flags"), "16rem"));
		header.getStyle().set("font-weight", "600");
		return header;
	}

	private HorizontalLayout row(CommuneTeams.Group row) {
		String key = (row.group().code() != null) ? row.group().code() : row.group().id();
		Span flags = cell(flags(row.flags()), "16rem");
		flags.setId("communities-flags-" + key);
		Div security = new Div(teamButton(row, SECURITY));
		security.setWidth("14rem");
		Div self = new Div(teamButton(row, SELF_MANAGEMENT));
		self.setWidth("14rem");
		HorizontalLayout line = new HorizontalLayout(
				cell((row.group().code() != null) ? row.group().code() : "", "5rem"), cell(row.group().name(), "14rem"),
				cell((row.group().households() != null) ? String.valueOf(row.group().households()) : "", "6rem"),
				security, self, flags);
		line.setId("communities-group-" + key);
		line.setAlignItems(Alignment.CENTER);
		return line;
	}

	private static Span cell(String text, String width) {
		Span cell = new Span(text);
		cell.setWidth(width);
		return cell;
	}

	private Button teamButton(CommuneTeams.Group row, String kind) {
		CommuneTeams.@Nullable Team team = row.team(kind);
		String text = (team == null) ? getTranslation("communities.team.add") : getTranslation(
				team.established() ? "communities.team.established" : "communities.team.forming", team.memberCount());
		Button button = new Button(text, (click) -> new TeamDialog(this.api, row, kind, this::load).open());
		button.setId("communities-team-" + ((row.group().code() != null) ? row.group().code() : row.group().id()) + "-"
				+ kind.toLowerCase(Locale.ROOT));
		button.addThemeVariants(ButtonVariant.SMALL);
		if (team != null && team.belowMinimum()) {
			button.addThemeVariants(ButtonVariant.ERROR);
		}
		return button;
	}

	private String flags(List<String> flags) {
		return String.join(", ",
				flags.stream()
					.map((flag) -> getTranslation("communities.flag." + flag.toLowerCase(Locale.ROOT)))
					.toList());
	}

}
