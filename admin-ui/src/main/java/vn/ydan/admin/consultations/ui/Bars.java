package vn.ydan.admin.consultations.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/**
 * A horizontal bar chart drawn with plain elements (Vaadin Charts needs a licence): one
 * bar per row, 0–100 %, with an optional threshold line (the pass rule). Each bar says
 * its value in text too, for screen readers and print.
 */
final class Bars extends Div {

	private final H4 heading = new H4();

	private final Div rows = new Div();

	Bars(String id) {
		setId(id);
		this.heading.getStyle().set("margin", "0 0 0.25rem 0");
		this.rows.getStyle().set("display", "grid").set("grid-template-columns", "minmax(8rem, 14rem) 1fr 5rem");
		this.rows.getStyle().set("gap", "0.25rem 0.5rem").set("align-items", "center");
		getStyle().set("flex", "1 1 20rem").set("min-width", "18rem");
		add(this.heading, this.rows);
	}

	/**
	 * @param title the chart's title
	 * @param bars the rows
	 * @param threshold a line at this percentage, or none
	 * @param color the bars' colour
	 */
	void show(String title, List<Bar> bars, @Nullable Double threshold, String color) {
		this.heading.setText(title);
		this.rows.removeAll();
		for (Bar bar : bars) {
			Span label = new Span(bar.label());
			label.getStyle().set("overflow", "hidden").set("text-overflow", "ellipsis").set("white-space", "nowrap");
			Div track = new Div();
			track.getStyle()
				.set("position", "relative")
				.set("height", "1rem")
				.set("background", "#eef1f5")
				.set("border-radius", "3px");
			Div fill = new Div();
			double width = Math.max(0, Math.min(100, bar.percent()));
			fill.getStyle()
				.set("width", width + "%")
				.set("height", "100%")
				.set("background", color)
				.set("border-radius", "3px")
				.set("transition", "width 0.4s");
			fill.addClassName("bar-fill");
			track.add(fill);
			if (threshold != null) {
				Div line = new Div();
				line.getStyle()
					.set("position", "absolute")
					.set("top", "-2px")
					.set("bottom", "-2px")
					.set("left", threshold + "%")
					.set("border-left", "2px dashed #c62828");
				track.add(line);
			}
			track.getElement().setAttribute("role", "img");
			track.getElement().setAttribute("aria-label", bar.label() + ": " + bar.text());
			Span value = new Span(bar.text());
			value.getStyle().set("text-align", "end").set("font-variant-numeric", "tabular-nums");
			this.rows.add(label, track, value);
		}
	}

	/**
	 * @param label what the bar is of
	 * @param percent 0–100
	 * @param text the value as written
	 */
	record Bar(String label, double percent, String text) {
	}

}
