package vn.ydan.admin.communities.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chart of a unit's community figures, drawn in the browser by ECharts the way the
 * consultation page draws its charts ({@code consultations.ui.EChart}): the same WebJar
 * script, loaded once per page, and a small option sent by the server (a few numbers).
 * What it shows is also written as text, visually hidden, for screen readers.
 */
final class FiguresChart extends Div {

	/**
	 * The WebJar the consultation page loads (its version is the console's dependency).
	 */
	static final String SCRIPT = "context://webjars/echarts/5.3.1/dist/echarts.min.js";

	private static final String DRAW = """
			const el = this;
			const option = JSON.parse($0);
			const draw = (tries) => {
			  if (!window.echarts) {
			    if (tries < 400) { setTimeout(() => draw(tries + 1), 50); }
			    return;
			  }
			  let chart = window.echarts.getInstanceByDom(el);
			  if (!chart) {
			    chart = window.echarts.init(el, null, { renderer: 'canvas' });
			    new ResizeObserver(() => chart.resize()).observe(el);
			  }
			  chart.setOption(option);
			};
			draw(0);
			""";

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final H4 heading = new H4();

	private final Div canvas = new Div();

	private final Span text = new Span();

	private @Nullable String option;

	FiguresChart(String id) {
		setId(id);
		getStyle().set("flex", "1 1 20rem").set("min-width", "16rem");
		this.heading.getStyle().set("margin", "0 0 0.25rem 0");
		this.canvas.setId(id + "-canvas");
		this.canvas.setWidthFull();
		this.canvas.setHeight("12rem");
		this.canvas.getElement().setAttribute("role", "img");
		this.text.getStyle()
			.set("position", "absolute")
			.set("width", "1px")
			.set("height", "1px")
			.set("overflow", "hidden")
			.set("clip", "rect(0 0 0 0)")
			.set("white-space", "nowrap");
		this.text.setId(id + "-text");
		add(this.heading, this.canvas, this.text);
	}

	/**
	 * Horizontal bars, one per label, in order.
	 * @param title the chart's title
	 * @param labels the bars' names
	 * @param values their values
	 * @param colors their colours
	 * @param summary what it shows, as text
	 */
	void bars(String title, String[] labels, long[] values, String[] colors, String summary) {
		ObjectNode option = JSON.objectNode();
		option.put("animation", true);
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
		this.heading.setText(title);
		this.text.setText(summary);
		this.canvas.getElement().setAttribute("aria-label", title);
		String json = option.toString();
		if (json.equals(this.option)) {
			return;
		}
		this.option = json;
		if (isAttached()) {
			this.canvas.getElement().executeJs(DRAW, json);
		}
	}

	/** The option drawn now (tests). */
	@Nullable String option() {
		return this.option;
	}

	@Override
	protected void onAttach(AttachEvent event) {
		event.getUI().getPage().addJavaScript(SCRIPT);
		String json = this.option;
		if (json != null) {
			this.canvas.getElement().executeJs(DRAW, json);
		}
	}

}
