package org.ecabinet.ui.dispatch;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ecabinet.ui.dispatch.DispatchModels.Agency;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.Tooltip;

/**
 * Agencies shown by their names; the organisation code (QCVN 102), which officials rarely know by heart, only in
 * a tooltip. An unknown code is shown as it is rather than hidden.
 */
public final class AgencyNames {

    private final Map<String, String> names;

    private AgencyNames(Map<String, String> names) {
        this.names = names;
    }

    public static AgencyNames of(List<Agency> agencies) {
        return new AgencyNames(agencies.stream().collect(Collectors.toUnmodifiableMap(Agency::organId, Agency::name)));
    }

    public String name(String code) {
        return code == null ? "" : names.getOrDefault(code, code);
    }

    /** What the tooltip of an agency says: its organisation code. */
    public String tooltip(String code) {
        return code == null ? "" : UI.getCurrent().getTranslation("agency.code", code);
    }

    /** The agency's name, with its code in a tooltip. */
    public Span label(String code) {
        Span label = new Span(name(code));
        Tooltip.forComponent(label).setText(tooltip(code));
        return label;
    }

    public Map<String, String> byCode() {
        return names;
    }
}
