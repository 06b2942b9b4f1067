package org.ecabinet.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;

/**
 * A bar chart (one horizontal bar per category) or a line chart, drawn as SVG in the browser by Apache ECharts
 * (Apache-2.0). ECharts comes from its webjar on the classpath and is served by this application, with the small
 * element that draws it ({@code META-INF/resources/charts}): nothing is fetched from elsewhere at run time, and
 * Vaadin's prebuilt bundle stays as it is (an npm package would force a bundle built from npm at every build). The
 * chart describes itself to screen readers (ECharts' aria description, under the label given here); the figures
 * stay in a table beside it for those who read numbers rather than shapes.
 */
@Tag("ecabinet-chart")
public class Chart extends Component implements HasSize {

    static final String ECHARTS = "context://webjars/echarts/5.3.1/dist/echarts.min.js";
    static final String ELEMENT = "context://charts/ecabinet-chart.js";

    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Kind { BAR, LINE }

    /** One category and its value; a null value is drawn as a gap. */
    public record Point(String category, Double value) {
    }

    public Chart(String id, String label) {
        setId(id);
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", label);
        getElement().getStyle().set("display", "block");
        setWidthFull();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        // in this order: the element draws with window.echarts; a page loads each script once
        attach.getUI().getPage().addJavaScript(ECHARTS);
        attach.getUI().getPage().addJavaScript(ELEMENT);
    }

    /** Draws the points; {@code max} bounds the value axis (100 for shares), or null to fit the values. */
    public void show(Kind kind, List<Point> points, String unit, Double max, String color) {
        List<String> categories = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        points.forEach(point -> {
            categories.add(point.category());
            values.add(point.value());
        });
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        config.put("categories", categories);
        config.put("values", values);
        config.put("unit", unit);
        config.put("color", color);
        config.put("label", getElement().getAttribute("aria-label"));
        if (max != null) {
            config.put("max", max);
        }
        // a bar per category needs its room; a line needs a fixed height
        setHeight(kind == Kind.BAR ? Math.max(120, 36 * points.size() + 40) + "px" : "280px");
        try {
            getElement().setProperty("config", JSON.writeValueAsString(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chart's figures are plain lists and numbers", e);
        }
    }

    /** What was last given to draw, as the browser receives it. */
    String config() {
        return getElement().getProperty("config");
    }
}
