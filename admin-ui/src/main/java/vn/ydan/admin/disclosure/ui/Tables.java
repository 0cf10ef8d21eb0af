package vn.ydan.admin.disclosure.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;

/**
 * Plain HTML tables for the public pages: a caption, header cells with scope, and a
 * wrapper that scrolls sideways on a narrow phone and can be scrolled with the keyboard
 * (a focusable region named by the caption), as screen readers and axe want them.
 */
final class Tables {

	private Tables() {
	}

	/** A table; a cell is a {@link Component} or text. */
	static Div of(String id, String caption, List<String> headers, List<List<?>> rows) {
		NativeTable table = new NativeTable();
		table.setId(id);
		table.setCaptionText(caption);
		table.getStyle().set("border-collapse", "collapse").set("width", "100%");
		NativeTableRow head = new NativeTableRow();
		for (String header : headers) {
			var cell = head.addHeaderCell();
			cell.setText(header);
			cell.getElement().setAttribute("scope", "col");
			cell.getStyle().set("text-align", "start").set("border-bottom", "2px solid #555").set("padding", "0.25rem");
		}
		table.getHead().addRows(head);
		for (List<?> row : rows) {
			NativeTableRow line = new NativeTableRow();
			for (Object value : row) {
				var cell = line.addDataCell();
				cell.getStyle().set("border-bottom", "1px solid #ddd").set("padding", "0.25rem");
				if (value instanceof Component component) {
					cell.add(component);
				}
				else {
					cell.add(new Text(String.valueOf(value)));
				}
			}
			table.getBody().addRows(line);
		}
		Div scroll = new Div(table);
		scroll.setId(id + "-region");
		scroll.getElement().setAttribute("role", "region");
		scroll.getElement().setAttribute("aria-label", caption);
		scroll.getElement().setAttribute("tabindex", "0");
		scroll.getStyle().set("overflow-x", "auto").set("max-width", "100%");
		return scroll;
	}

}
