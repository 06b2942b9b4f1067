package org.ecabinet.ui.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What changed in a session, ballot or document between two moments: every field whose value differs, by its path
 * ({@code agenda[1].outcome}), with the value before and after (null where it did not exist). Lists of plain values
 * (who checked in) are compared as lists of values, so a name added shows as added rather than as every later
 * position changing.
 */
final class StateChanges {

    record Change(String path, String before, String after) {
    }

    private StateChanges() {
    }

    static List<Change> between(JsonNode before, JsonNode after) {
        Map<String, String> was = new TreeMap<>();
        Map<String, String> is = new TreeMap<>();
        flatten("", before, was);
        flatten("", after, is);
        List<Change> changes = new ArrayList<>();
        TreeMap<String, String> paths = new TreeMap<>(was);
        paths.putAll(is);
        for (String path : paths.keySet()) {
            String old = was.get(path);
            String now = is.get(path);
            if (old == null ? now != null : !old.equals(now)) {
                changes.add(new Change(path, old, now));
            }
        }
        return changes;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> into) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray() && plainValues(node)) {
            node.forEach(value -> into.put(path + "[" + value.asText() + "]", "✓"));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(path, node.asText());
        }
    }

    private static boolean plainValues(JsonNode array) {
        for (JsonNode value : array) {
            if (value.isContainerNode()) {
                return false;
            }
        }
        return true;
    }
}
