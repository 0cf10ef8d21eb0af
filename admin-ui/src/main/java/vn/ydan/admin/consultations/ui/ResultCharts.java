package vn.ydan.admin.consultations.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import vn.ydan.admin.consultations.ConsultationsApi;
import vn.ydan.admin.consultations.PassRule;
import vn.ydan.admin.consultations.ProgressFeed.Point;
import vn.ydan.admin.consultations.RollUp;

/**
 * The ECharts options of a consultation's charts: agreement and turnout per district
 * (Hanoi: 30 pairs of bars, not 526), with the pass rule as a line; and the totals'
 * turnout and agreement over time. Only data and labels: no code goes to the browser.
 */
final class ResultCharts {

	static final String AGREE_COLOR = "#2e7d32";

	static final String TURNOUT_COLOR = "#1565c0";

	static final String RULE_COLOR = "#c62828";

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
		.withZone(ConsultationsApi.VIETNAM);

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private ResultCharts() {
	}

	/**
	 * Per district (or the whole consultation when it has no districts): two bars each,
	 * agreement and turnout, in percent of all households.
	 * @param on the view (for translations)
	 * @param areas the districts
	 * @param name an area's name
	 * @param rule the pass rule (its threshold is drawn)
	 */
	static ObjectNode byDistrict(Component on, List<RollUp> areas, Function<RollUp, String> name, PassRule rule) {
		ObjectNode option = base();
		option.putObject("grid")
			.put("left", 8)
			.put("right", 40)
			.put("top", 28)
			.put("bottom", 8)
			.put("containLabel", true);
		option.putObject("legend")
			.put("top", 0)
			.putArray("data")
			.add(on.getTranslation("consultations.chart.series.agree"))
			.add(on.getTranslation("consultations.chart.series.turnout"));
		option.putObject("tooltip").put("trigger", "axis").putObject("axisPointer").put("type", "shadow");
		ObjectNode x = option.putObject("xAxis").put("type", "value").put("min", 0).put("max", 100);
		x.putObject("axisLabel").put("formatter", "{value} %");
		ObjectNode y = option.putObject("yAxis").put("type", "category").put("inverse", true);
		y.putObject("axisLabel").put("width", 150).put("overflow", "truncate");
		ArrayNode names = y.putArray("data");
		ArrayNode agree = JSON.arrayNode();
		ArrayNode turnout = JSON.arrayNode();
		for (RollUp area : areas) {
			names.add(name.apply(area));
			agree.add(round(area.agreeShare()));
			turnout.add(round(area.turnout()));
		}
		ArrayNode series = option.putArray("series");
		ObjectNode agreeing = bars(series, on.getTranslation("consultations.chart.series.agree"), AGREE_COLOR, agree);
		ObjectNode line = agreeing.putObject("markLine").put("symbol", "none").put("silent", true);
		line.putObject("lineStyle").put("color", RULE_COLOR).put("type", "dashed").put("width", 2);
		line.putObject("label").put("formatter", ConsultationFormat.rule(on, rule)).put("position", "insideEndTop");
		line.putArray("data").addObject().put("xAxis", rule.percent());
		bars(series, on.getTranslation("consultations.chart.series.turnout"), TURNOUT_COLOR, turnout);
		return option;
	}

	/** The height that gives each district's pair of bars room. */
	static String byDistrictHeight(int areas) {
		return Math.max(12, 3 + areas * 1.5) + "rem";
	}

	/**
	 * The totals' turnout and agreement over time, as the console saw them change.
	 * @param on the view (for translations)
	 * @param points oldest first
	 * @param rule the pass rule (its threshold is drawn)
	 */
	static ObjectNode overTime(Component on, List<Point> points, PassRule rule) {
		ObjectNode option = base();
		option.putObject("grid")
			.put("left", 8)
			.put("right", 24)
			.put("top", 28)
			.put("bottom", 8)
			.put("containLabel", true);
		option.putObject("legend")
			.put("top", 0)
			.putArray("data")
			.add(on.getTranslation("consultations.chart.series.turnout"))
			.add(on.getTranslation("consultations.chart.series.agree"));
		option.putObject("tooltip").put("trigger", "axis");
		ObjectNode x = option.putObject("xAxis").put("type", "category").put("boundaryGap", false);
		ArrayNode times = x.putArray("data");
		ObjectNode y = option.putObject("yAxis").put("type", "value").put("min", 0).put("max", 100);
		y.putObject("axisLabel").put("formatter", "{value} %");
		ArrayNode turnout = JSON.arrayNode();
		ArrayNode agree = JSON.arrayNode();
		for (Point point : thinned(points, MAX_POINTS)) {
			times.add(CLOCK.format(point.at()));
			turnout.add(round(share(point.tookPart(), point.households())));
			agree.add(round(share(point.agree(), point.households())));
		}
		ArrayNode series = option.putArray("series");
		line(series, on.getTranslation("consultations.chart.series.turnout"), TURNOUT_COLOR, turnout);
		ObjectNode agreeing = line(series, on.getTranslation("consultations.chart.series.agree"), AGREE_COLOR, agree);
		ObjectNode threshold = agreeing.putObject("markLine").put("symbol", "none").put("silent", true);
		threshold.putObject("lineStyle").put("color", RULE_COLOR).put("type", "dashed");
		threshold.putObject("label")
			.put("formatter", ConsultationFormat.rule(on, rule))
			.put("position", "insideStartTop");
		threshold.putArray("data").addObject().put("yAxis", rule.percent());
		return option;
	}

	/**
	 * Points drawn over time at most: the console keeps up to a day of changes, more than
	 * a chart's width shows; every push sends the whole line.
	 */
	static final int MAX_POINTS = 240;

	/** At most {@code max} points, evenly spread, the first and the newest kept. */
	static List<Point> thinned(List<Point> points, int max) {
		if (points.size() <= max) {
			return points;
		}
		List<Point> kept = new java.util.ArrayList<>(max);
		double step = (points.size() - 1) / (double) (max - 1);
		for (int i = 0; i < max - 1; i++) {
			kept.add(points.get((int) Math.round(i * step)));
		}
		kept.add(points.get(points.size() - 1));
		return kept;
	}

	private static ObjectNode base() {
		ObjectNode option = JSON.objectNode();
		// Not animated: live figures change every second or two, and each animation
		// redraws the chart for a third of a second (long tasks at Hanoi's size).
		option.put("animation", false);
		return option;
	}

	private static ObjectNode bars(ArrayNode series, String name, String color, ArrayNode data) {
		ObjectNode bars = series.addObject().put("type", "bar").put("name", name).put("barMaxWidth", 14);
		bars.putObject("itemStyle").put("color", color);
		bars.putObject("label")
			.put("show", true)
			.put("position", "right")
			.put("fontSize", 10)
			.put("formatter", "{c} %");
		bars.set("data", data);
		return bars;
	}

	private static ObjectNode line(ArrayNode series, String name, String color, ArrayNode data) {
		ObjectNode line = series.addObject().put("type", "line").put("name", name).put("showSymbol", false);
		line.putObject("itemStyle").put("color", color);
		line.set("data", data);
		return line;
	}

	private static double share(int part, int households) {
		return (households > 0) ? part * 100.0 / households : 0;
	}

	private static double round(double percent) {
		return Math.round(percent * 10) / 10.0;
	}

}
