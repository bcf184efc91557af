package io.polystore.ops;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact text table: columns padded to their widest cell, two spaces apart. Cells are escaped for the terminal
 * ({@link Terminal#escape}): a value with control characters or line breaks stays one cell on one line.
 */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    public Table(String... headers) {
        columns = headers.length;
        String[] header = new String[columns];
        for (int i = 0; i < columns; i++) {
            header[i] = Terminal.escape(headers[i]);
        }
        rows.add(header);
    }

    public Table row(Object... cells) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = i < cells.length && cells[i] != null ? Terminal.escape(String.valueOf(cells[i])) : "-";
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
