package cn.ecoaid.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The bodies of the reference-library channels under /api/v1/libraries (docs/sync-api.md, "Reference libraries").
 * Versions are immutable; a device pulls each kind on its own cursor, the highest version it holds.
 */
public final class LibraryDto {
    /** The kinds of library, as named on the wire. */
    public static final List<String> KINDS = List.of("technology", "experts", "factors", "taxa");

    private LibraryDto() {
    }

    /**
     * SHA-256 (hex) of a version's content: the header and the rows as UTF-8 text, cells separated by U+001F and every
     * line ended by U+001E — computed the same way on the platform and on every device, whatever the file format was.
     */
    public static String contentHash(List<String> headers, List<List<String>> rows) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(line(headers));
        for (List<String> r : rows) {
            md.update(line(r));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static byte[] line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append('\u001f');
            }
            sb.append(cells.get(i) == null ? "" : cells.get(i));
        }
        return sb.append('\u001e').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A library file loaded over the API by an admin: its rows as read and checked by the admin's client. */
    public record Upload(String label, String fileName, String sha256, List<String> headers, List<List<String>> rows) {
    }

    /** One kind as the caller sees it: its latest visible version (0 if none) and that version's content hash. */
    public record KindInfo(String kind, long latestVersion, String sha256, String label, String loadedAt, int versions) {
    }

    public record Kinds(List<KindInfo> kinds) {
    }

    /**
     * One immutable version. {@code scope}: NATIONAL or the province id a provincial admin loaded it for.
     * {@code sha256}: of the header and rows (cells joined by U+001F, lines ended by U+001E, UTF-8). {@code rows} are
     * absent in answers that only describe a version.
     */
    public record Version(String kind, long version, String label, String sha256, String scope, String fileName,
                          int rowCount, String loadedAt, String loadedBy, List<String> headers, List<List<String>> rows) {
    }

    /** A page of versions after {@code since}, ascending; {@code next} is the cursor to ask with next. */
    public record Page(String kind, List<Version> versions, long next, long latest, boolean more) {
    }
}
