package org.sferum.sdk.roster.oneroster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sferum.sdk.roster.InvalidRow;

/**
 * Streams the rows of one OneRoster CSV file with Commons CSV: the header names the columns (in any order, any
 * case), each row is handed over with the line it starts on, and what is wrong with the file itself (a required
 * column missing from the header, a row with too few values, a file cut inside a quoted value, bytes that are not
 * UTF-8) becomes an {@link InvalidRow}. Rows marked {@code status=tobedeleted} are skipped.
 */
final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();

    /** One row of a file. */
    static final class Row {
        private final String file;
        private final long line;
        private final CSVRecord record;
        private final Map<String, Integer> columns;

        Row(String file, long line, CSVRecord record, Map<String, Integer> columns) {
            this.file = file;
            this.line = line;
            this.record = record;
            this.columns = columns;
        }

        /** The value of a column, empty when the column or the value is absent. */
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return "";
            }
            int i = index;
            return i < 0 || i >= record.size() ? "" : record.get(i);
        }

        /** The required columns that have no value, comma-separated; empty when all have one. */
        String missing(String... required) {
            StringBuilder missing = new StringBuilder();
            for (String column : required) {
                if (get(column).isEmpty()) {
                    missing.append(missing.length() == 0 ? "" : ", ").append(column);
                }
            }
            return missing.toString();
        }

        InvalidRow invalid(String reason) {
            return new InvalidRow(file, line, reason);
        }

        long line() {
            return line;
        }
    }

    private CsvRows() {
    }

    /**
     * Reads a file row by row.
     *
     * @param path the file
     * @param required the columns the header must have
     * @param invalid receives what is wrong
     * @param rows receives each well-formed row
     * @return the number of rows read (valid or not)
     */
    static long read(Path path, List<String> required, Consumer<InvalidRow> invalid, Consumer<Row> rows) {
        String file = path.getFileName().toString();
        long count = 0;
        try (Reader reader = open(path); CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Map<String, Integer> byLowerCase = new java.util.HashMap<>();
            List<String> names = parser.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                byLowerCase.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
            }
            // Columns are looked up by the names the reader uses, whatever the file's case: one map, no lowering a row.
            Map<String, Integer> columns = new java.util.HashMap<>() {
                private static final long serialVersionUID = 1L;

                @Override
                public Integer get(Object name) {
                    return computeIfAbsent((String) name,
                            n -> byLowerCase.getOrDefault(n.toLowerCase(Locale.ROOT), -1));
                }
            };
            List<String> absent = new ArrayList<>();
            for (String column : required) {
                if (!byLowerCase.containsKey(column.toLowerCase(Locale.ROOT))) {
                    absent.add(column);
                }
            }
            if (!absent.isEmpty()) {
                invalid.accept(new InvalidRow(file, 1, "the header lacks the required column(s) "
                        + String.join(", ", absent) + "; the whole file was left out"));
                return 0;
            }
            int width = parser.getHeaderNames().size();
            long nextLine = parser.getCurrentLineNumber() + 1;
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                long line = nextLine;
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    invalid.accept(new InvalidRow(file, line, "the row cannot be read (" + reason(e)
                            + "): the file may be cut in the middle; the rest of the file was left out"));
                    return count + 1;
                }
                nextLine = parser.getCurrentLineNumber() + 1;
                count++;
                if (!wellFormed(record)) {
                    invalid.accept(new InvalidRow(file, line, "the row has bytes that are not UTF-8: save the file"
                            + " as UTF-8"));
                    continue;
                }
                if (record.size() < width) {
                    invalid.accept(new InvalidRow(file, line, "the row has " + record.size() + " of the header's "
                            + width + " values: a column is missing, or the file is cut in the middle"));
                    continue;
                }
                Row row = new Row(file, line, record, columns);
                if ("tobedeleted".equalsIgnoreCase(row.get("status"))) {
                    continue;
                }
                rows.accept(row);
            }
        } catch (IOException | UncheckedIOException e) {
            invalid.accept(new InvalidRow(file, 0, "the file cannot be read (" + reason(e) + ")"));
        }
        return count;
    }

    /** Malformed bytes were decoded as U+FFFD, which no roster value has a use for. */
    private static boolean wellFormed(CSVRecord record) {
        for (String value : record) {
            if (value.indexOf('\uFFFD') >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    /**
     * Opens a file as UTF-8, skipping a BOM. Malformed bytes become U+FFFD so that the row that has them is
     * reported with its line (a strict decoder would fail a whole buffer at once).
     */
    private static Reader open(Path path) throws IOException {
        BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(path),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
