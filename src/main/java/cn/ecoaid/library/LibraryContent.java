package cn.ecoaid.library;

import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one library version: the file's header and its non-blank rows (cells trimmed, padded to the header), as
 * validated by {@link LibraryValidator}. Its content hash is what the platform stores with the version, what a device
 * checks on every pulled version, and what an analysis records.
 */
public record LibraryContent(LibraryKind kind, List<String> headers, List<List<String>> rows) {
    public LibraryContent {
        headers = List.copyOf(headers);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> r : rows) {
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
    }

    /** Reads and validates a CSV or Excel file; a file with any bad row is refused whole (nothing half-loaded). */
    public static LibraryContent read(LibraryKind kind, Path file) {
        return LibraryValidator.validate(kind, TableFiles.read(file), file.getFileName().toString());
    }

    /** SHA-256 (hex) of the canonical content; see {@link #hash(List, List)}. */
    public String sha256() {
        return hash(headers, rows);
    }

    /** SHA-256 of the canonical content, {@link cn.ecoaid.protocol.LibraryDto#contentHash}. */
    public static String hash(List<String> headers, List<List<String>> rows) {
        return cn.ecoaid.protocol.LibraryDto.contentHash(headers, rows);
    }

    /** The rows as a table again (row numbers from 2, as in the loaded file without blank rows), for the domain readers. */
    public Table table() {
        List<Table.Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new Table.Row(i + 2, rows.get(i)));
        }
        return new Table(headers, out);
    }
}
