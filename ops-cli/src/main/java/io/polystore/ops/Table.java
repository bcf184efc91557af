package io.polystore.ops;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A compact text table: columns padded to their widest cell, two spaces apart. */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    public Table(String... headers) {
        columns = headers.length;
        rows.add(headers);
    }

    public Table row(Object... cells) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = i < cells.length && cells[i] != null ? String.valueOf(cells[i]) : "-";
        }
        rows.add(row);
        return this;
    }

    public void print(PrintWriter out, String whenEmpty) {
        if (rows.size() == 1) {
            out.println(whenEmpty);
            return;
        }
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
