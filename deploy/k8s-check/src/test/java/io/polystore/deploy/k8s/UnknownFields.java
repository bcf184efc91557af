package io.polystore.deploy.k8s;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Fields the fabric8 model does not know. The model keeps whatever it cannot map in each object's
 * {@code additionalProperties} instead of failing, so a typo ({@code readOnlyRootFileSystem}) or a field at the wrong
 * level would pass the JSON schemas (which allow unknown properties) and be dropped silently by the API server.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    /** Paths like {@code spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem}. */
    static void collect(Object node, String path, List<String> found) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean
                || node instanceof Enum<?>) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collect(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collect(value, path + "." + key, found));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = node.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value;
                try {
                    value = field.get(node);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> found.add(path + "." + key));
                } else {
                    collect(value, path.isEmpty() ? field.getName() : path + "." + field.getName(), found);
                }
            }
        }
    }
}
