package vn.ydan.admin.communities.ui;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The options of a unit's community figures charts, drawn by {@code layout.EChart}: a few
 * numbers each.
 */
final class FigureCharts {

	static final String HEIGHT = "12rem";

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private FigureCharts() {
	}

	/**
	 * Horizontal bars, one per label, in order.
	 * @param labels the bars' names
	 * @param values their values
	 * @param colors their colours
	 */
	static ObjectNode bars(String[] labels, long[] values, String[] colors) {
		ObjectNode option = JSON.objectNode();
		option.put("animation", false);
		option.putObject("grid")
			.put("left", 8)
			.put("right", 48)
			.put("top", 8)
			.put("bottom", 8)
			.put("containLabel", true);
		option.putObject("tooltip").put("trigger", "axis");
		option.putObject("xAxis").put("type", "value").put("min", 0);
		ObjectNode y = option.putObject("yAxis").put("type", "category").put("inverse", true);
		ArrayNode categories = y.putArray("data");
		ObjectNode series = option.putArray("series").addObject().put("type", "bar");
		series.putObject("label").put("show", true).put("position", "right");
		ArrayNode data = series.putArray("data");
		for (int i = 0; i < labels.length; i++) {
			categories.add(labels[i]);
			ObjectNode bar = data.addObject().put("value", values[i]);
			bar.putObject("itemStyle").put("color", colors[i]);
		}
		return option;
	}

}
