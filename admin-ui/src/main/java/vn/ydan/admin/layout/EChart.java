package vn.ydan.admin.layout;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chart drawn in the browser by ECharts (Apache 2.0), served by the console from its
 * WebJar ({@code org.webjars.npm:echarts}) as a static file: no Node build, no licence
 * (Vaadin Charts needs one). The server sends the chart's option (a small JSON: its data
 * aggregated, 30 districts for Hanoi, not 526 communes); a new one updates the drawn
 * chart in place ({@code setOption} merges, without animation), nothing else of the page
 * is redrawn.
 * <p>
 * What the chart shows is also written as text (visually hidden), for screen readers and
 * print. One for every chart of the console (consultation results, community figures).
 */
public final class EChart extends Div {

	public static final String ECHARTS_VERSION = "5.3.1";

	/** Loaded once per page (Vaadin keeps one copy of a dependency). */
	public static final String SCRIPT = "context://webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js";

	/**
	 * Draws or updates; waits for the script on a first load (a dependency added at
	 * attach may still be on its way). A ResizeObserver keeps the chart to its box.
	 */
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
			  // Merged into the drawn chart, drawn at the next frame.
			  chart.setOption(option, { lazyUpdate: true });
			};
			draw(0);
			""";

	private final H4 heading = new H4();

	private final Div canvas = new Div();

	private final Span text = new Span();

	private @Nullable String option;

	public EChart(String id) {
		setId(id);
		// Its own height, not the row's (the other chart may be taller).
		getStyle().set("flex", "1 1 24rem").set("min-width", "18rem").set("align-self", "flex-start");
		this.heading.getStyle().set("margin", "0 0 0.25rem 0");
		this.canvas.setId(id + "-canvas");
		this.canvas.setWidthFull();
		this.canvas.setHeight("16rem");
		this.canvas.getElement().setAttribute("role", "img");
		// Visually hidden, read by screen readers.
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
	 * @param title the chart's title
	 * @param option the ECharts option
	 * @param height the drawing's height (CSS)
	 * @param summary what it shows, as text
	 */
	public void show(String title, ObjectNode option, String height, String summary) {
		this.heading.setText(title);
		this.text.setText(summary);
		this.canvas.getElement().setAttribute("aria-label", title);
		if (!height.equals(this.canvas.getHeight())) {
			this.canvas.setHeight(height);
		}
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
	public @Nullable String option() {
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
