package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.library.LibraryContent;
import cn.ecoaid.library.LibraryKind;
import cn.ecoaid.library.LibrarySearch;
import cn.ecoaid.library.LibraryValidator;
import cn.ecoaid.library.LibraryVersion;
import cn.ecoaid.platform.LibraryRegistry;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.LibraryDto;
import cn.ecoaid.protocol.Wire;
import cn.ecoaid.store.SqliteLibraryRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference-library channels (SYNC.md §10) on the platform store of the run (SQLite, or PostgreSQL with
 * {@code ECOAID_TEST_PG_URL}): load → pull → browse offline, a second version pulled incrementally, a bad file refused
 * whole with its rows and columns, roles, and tampered or old cursors.
 */
class LibraryChannelTest {
    static final Path LIB = Path.of("sample-data/libraries");

    @TempDir
    Path dir;

    @AfterEach
    void language() {
        Messages.setCurrent(Messages.CHINESE);
    }

    private static LibraryDto.Version load(SyncHarness h, LibraryKind kind, String file, String label, String province) {
        LibraryContent c = LibraryContent.read(kind, LIB.resolve(file));
        return new LibraryRegistry(h.store).load(kind.id(), c.headers(), c.rows(), label, file, province, "test", null,
                Dto.Role.NATIONAL_ADMIN.name(), "test");
    }

    /** The rows of a sample file as its reader sees them, blank rows dropped — independent of the library code. */
    private static List<List<String>> fileRows(String file) {
        List<List<String>> out = new ArrayList<>();
        for (var r : TableFiles.read(LIB.resolve(file)).rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < TableFiles.read(LIB.resolve(file)).headers().size(); i++) {
                cells.add(r.get(i));
            }
            out.add(cells);
        }
        return out;
    }

    @Test
    void loadPullBrowseThenASecondVersionIncrementally() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            LibraryDto.Version v1 = load(h, LibraryKind.TECHNOLOGY, "technology-catalogue-sample.csv", "示例目录 2026", null);
            load(h, LibraryKind.EXPERTS, "experts-sample.csv", null, null);
            assertEquals(1, v1.version());
            SyncHarness.Device a = h.member("a", h.teamA);
            a.engine().sync();
            SqliteLibraryRepository repo = SqliteLibraryRepository.of(a.ws());
            LibraryVersion held = repo.latest(LibraryKind.TECHNOLOGY).orElseThrow();
            assertEquals(1, held.version());
            assertEquals("示例目录 2026", held.label());
            assertEquals(LibraryRegistry.NATIONAL, held.scope());
            // The rows held on the device are the file's rows, and the hash matches a hash of those rows computed here.
            List<List<String>> rows = fileRows("technology-catalogue-sample.csv");
            assertEquals(rows, repo.content(held).rows());
            assertEquals(LibraryDto.contentHash(TableFiles.read(LIB.resolve("technology-catalogue-sample.csv")).headers(), rows),
                    held.sha256());
            assertEquals(v1.sha256(), held.sha256());
            assertEquals(1, repo.cursor(LibraryKind.TECHNOLOGY));

            // Browse offline: the server is no longer needed.
            h.server.close();
            LibraryContent tech = repo.content(held);
            List<String> names = tech.rows().stream().map(r -> r.get(0)).toList();
            List<String> fgd = names.stream().filter(n -> n.contains("FGD")).toList();
            assertEquals(2, fgd.size());
            assertEquals(fgd, LibrarySearch.search(tech, "脱硫").stream().map(r -> r.get(0)).toList());
            assertEquals(fgd, LibrarySearch.search(tech, "desulfurization").stream().map(r -> r.get(0)).toList());
            assertEquals(List.of("选择性催化还原 SCR", "选择性非催化还原 SNCR"),
                    LibrarySearch.search(tech, "NOx 氮氧化物 脱硝").stream().map(r -> r.get(0)).toList().subList(0, 2));
            LibraryContent experts = repo.content(repo.latest(LibraryKind.EXPERTS).orElseThrow());
            assertEquals(List.of("甲示例（sample）", "乙示例（sample）"),
                    LibrarySearch.search(experts, "Hubei").stream().map(r -> r.get(0)).toList());
            assertEquals(LibrarySearch.search(experts, "Hubei"), LibrarySearch.search(experts, "湖北"));
            assertEquals(List.of("丁示例（sample）"),
                    LibrarySearch.search(experts, "jiangsu vocs").stream().map(r -> r.get(0)).toList());
            assertTrue(LibrarySearch.search(experts, "一氧化碳").isEmpty(), "CO must not match \"cost\"-like words");
        }
    }

    @Test
    void secondVersionIsPulledIncrementally() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            load(h, LibraryKind.TECHNOLOGY, "technology-catalogue-sample.csv", "v1", null);
            SyncHarness.Device a = h.member("a", h.teamA);
            a.engine().sync();
            LibraryDto.Version v2 = load(h, LibraryKind.TECHNOLOGY, "technology-catalogue-sample-v2.csv", "v2", null);
            assertEquals(2, v2.version());
            // The channel answers only what is after the cursor.
            String token = Raw.token(a, h.uri);
            LibraryDto.Page after1 = new Raw(h.uri).get(Wire.LIBRARIES + "/technology?since=1", token).as(LibraryDto.Page.class);
            assertEquals(List.of(2L), after1.versions().stream().map(LibraryDto.Version::version).toList());
            assertEquals(2, after1.latest());
            a.engine().sync();
            LibrarySync.Report r = a.engine().lastLibraryReport().orElseThrow();
            LibrarySync.Moved tech = r.kinds().stream().filter(m -> m.kind() == LibraryKind.TECHNOLOGY).findFirst().orElseThrow();
            assertEquals(1, tech.added());
            assertEquals(2, tech.latestHeld());
            assertFalse(tech.reset());
            SqliteLibraryRepository repo = SqliteLibraryRepository.of(a.ws());
            assertEquals(List.of(1L, 2L), repo.versions(LibraryKind.TECHNOLOGY).stream().map(LibraryVersion::version).toList());
            // v1 is kept unchanged beside v2; v2 has the added row and the revised SCR range.
            assertEquals(12, repo.content(repo.version(LibraryKind.TECHNOLOGY, 1).orElseThrow()).rows().size());
            List<List<String>> rows2 = repo.content(repo.version(LibraryKind.TECHNOLOGY, 2).orElseThrow()).rows();
            assertEquals(fileRows("technology-catalogue-sample-v2.csv"), rows2);
            assertEquals(13, rows2.size());
            a.engine().sync();
            assertEquals(0, a.engine().lastLibraryReport().orElseThrow().added());
        }
    }

    @Test
    void aBadFileIsRefusedWholeWithRowsAndColumns() throws Exception {
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> LibraryContent.read(LibraryKind.TECHNOLOGY, LIB.resolve("technology-catalogue-with-errors.csv")));
        List<String> where = e.problems().stream().map(p -> p.row() + ":" + p.column() + ":" + p.reasonKey()).toList();
        assertEquals(List.of("3:efficiency_max_pct:library.problem.range", "4:efficiency_max_pct:library.problem.percent",
                "5:name:library.problem.empty", "6:maturity:library.problem.maturity"), where);
        Problem range = e.problems().get(0);
        Messages.setCurrent(Messages.ENGLISH);
        assertEquals("Row 3, column \"efficiency_max_pct\": lower efficiency 90 is above the upper efficiency 80",
                ErrorText.describe(range));
        Messages.setCurrent(Messages.CHINESE);
        assertTrue(ErrorText.describe(range).contains("去除效率下限 90 高于上限 80"), ErrorText.describe(range));

        try (SyncHarness h = new SyncHarness(dir)) {
            h.server.libraryValidator(LibraryValidator::checkUpload);
            load(h, LibraryKind.TECHNOLOGY, "technology-catalogue-sample.csv", "v1", null);
            SyncHarness.Device admin = h.device("nat", Dto.Role.NATIONAL_ADMIN, null);
            var bad = TableFiles.read(LIB.resolve("technology-catalogue-with-errors.csv"));
            List<List<String>> rows = bad.rows().stream().map(r -> List.copyOf(r.cells())).toList();
            Raw.Response refused = new Raw(h.uri).post(Wire.LIBRARIES + "/technology", new LibraryDto.Upload("bad", "bad.csv",
                    LibraryDto.contentHash(bad.headers(), rows), bad.headers(), rows), Raw.token(admin, h.uri));
            assertEquals(422, refused.status());
            assertEquals("LIBRARY_REJECTED", refused.code());
            String message = refused.as(Dto.ErrorBody.class).message();
            assertTrue(message.contains("efficiency_max_pct") && message.contains("maturity"), message);
            // Nothing of it was stored: the latest version is still 1, and a device pulls only that.
            LibraryDto.KindInfo tech = new LibraryRegistry(h.store).kinds(null, true).kinds().stream()
                    .filter(k -> k.kind().equals("technology")).findFirst().orElseThrow();
            assertEquals(1, tech.latestVersion());
            assertEquals(1, tech.versions());
        }
    }

    @Test
    void onlyAdminsLoadAndProvincialVersionsStayInTheirProvince() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            h.server.libraryValidator(LibraryValidator::checkUpload);
            LibraryContent experts = LibraryContent.read(LibraryKind.EXPERTS, LIB.resolve("experts-sample.csv"));
            LibraryDto.Upload upload = new LibraryDto.Upload("专家库 2026", "experts-sample.csv", experts.sha256(),
                    experts.headers(), experts.rows());
            SyncHarness.Device member = h.member("m", h.teamA);
            SyncHarness.Device lead = h.device("lead", Dto.Role.TEAM_LEAD, h.teamA);
            Raw raw = new Raw(h.uri);
            for (SyncHarness.Device d : List.of(member, lead)) {
                Raw.Response r = raw.post(Wire.LIBRARIES + "/experts", upload, Raw.token(d, h.uri));
                assertEquals(403, r.status());
                assertEquals("FORBIDDEN", r.code());
            }
            assertEquals(401, raw.get(Wire.LIBRARIES, null).status());
            assertEquals(0, new LibraryRegistry(h.store).kinds(null, true).kinds().stream().mapToLong(LibraryDto.KindInfo::latestVersion).sum());

            SyncHarness.Device prov = h.device("prov", Dto.Role.PROVINCIAL_ADMIN, null);
            Raw.Response ok = raw.post(Wire.LIBRARIES + "/experts", upload, Raw.token(prov, h.uri));
            assertEquals(200, ok.status(), new String(ok.body(), java.nio.charset.StandardCharsets.UTF_8));
            LibraryDto.Version v = ok.as(LibraryDto.Version.class);
            assertEquals(h.province, v.scope());
            assertEquals(experts.sha256(), v.sha256());
            // A member of this province pulls it; a member of another province does not see it.
            String other = h.store.createProvince("另一省");
            String teamC = h.store.createTeam(other, "丙组");
            SyncHarness.Device outsider = h.member("o", teamC);
            member.engine().sync();
            outsider.engine().sync();
            assertEquals(1, SqliteLibraryRepository.of(member.ws()).versions(LibraryKind.EXPERTS).size());
            assertTrue(SqliteLibraryRepository.of(outsider.ws()).versions(LibraryKind.EXPERTS).isEmpty());
            // The load is in the audit chain.
            assertTrue(h.store.verifyAudit() > 0);
        }
    }

    @Test
    void tamperedAndOldCursorsAndTamperedRows() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            load(h, LibraryKind.TECHNOLOGY, "technology-catalogue-sample.csv", "v1", null);
            load(h, LibraryKind.TECHNOLOGY, "technology-catalogue-sample-v2.csv", "v2", null);
            SyncHarness.Device a = h.member("a", h.teamA);
            a.engine().sync();
            SqliteLibraryRepository repo = SqliteLibraryRepository.of(a.ws());
            String sha2 = repo.version(LibraryKind.TECHNOLOGY, 2).orElseThrow().sha256();

            Raw raw = new Raw(h.uri);
            String token = Raw.token(a, h.uri);
            assertEquals(400, raw.get(Wire.LIBRARIES + "/technology?since=abc", token).status());
            assertEquals(400, raw.get(Wire.LIBRARIES + "/technology?since=-1", token).status());
            assertEquals(404, raw.get(Wire.LIBRARIES + "/nope?since=0", token).status());
            LibraryDto.Page ahead = raw.get(Wire.LIBRARIES + "/technology?since=99", token).as(LibraryDto.Page.class);
            assertTrue(ahead.versions().isEmpty());
            assertEquals(2, ahead.latest());

            // A cursor ahead of everything (tampered, or a platform restored from an older backup) is reset.
            repo.setCursor(LibraryKind.TECHNOLOGY, 99);
            a.engine().sync();
            LibrarySync.Moved m = a.engine().lastLibraryReport().orElseThrow().kinds().stream()
                    .filter(k -> k.kind() == LibraryKind.TECHNOLOGY).findFirst().orElseThrow();
            assertTrue(m.reset());
            assertEquals(0, m.added());
            assertEquals(2, repo.cursor(LibraryKind.TECHNOLOGY));
            // An old cursor pulls again; the versions held are compared by hash and kept.
            repo.setCursor(LibraryKind.TECHNOLOGY, 0);
            a.engine().sync();
            assertEquals(2, repo.cursor(LibraryKind.TECHNOLOGY));
            assertEquals(sha2, repo.version(LibraryKind.TECHNOLOGY, 2).orElseThrow().sha256());
            assertEquals(2, repo.versions(LibraryKind.TECHNOLOGY).size());

            // Rows that do not match their hash, or a held version number with other content: refused, nothing stored.
            LibraryContent c = LibraryContent.read(LibraryKind.EXPERTS, LIB.resolve("experts-sample.csv"));
            List<List<String>> forged = new ArrayList<>(c.rows());
            forged.set(0, List.of("伪造", "x", "y", "湖北", ""));
            LibraryVersion meta = new LibraryVersion(LibraryKind.EXPERTS, 1, "x", c.sha256(), "NATIONAL", "f", forged.size(), "t",
                    "t", null);
            EcoAidException hash = assertThrows(EcoAidException.class, () -> repo.apply(LibraryKind.EXPERTS,
                    List.of(new SqliteLibraryRepository.Incoming(meta, new LibraryContent(LibraryKind.EXPERTS, c.headers(), forged))), 1));
            assertEquals("library.error.hash", hash.key());
            assertTrue(repo.versions(LibraryKind.EXPERTS).isEmpty());
            assertEquals(0, repo.cursor(LibraryKind.EXPERTS));
            LibraryContent other = new LibraryContent(LibraryKind.TECHNOLOGY, c.headers(), c.rows());
            LibraryVersion clash = new LibraryVersion(LibraryKind.TECHNOLOGY, 2, "x", other.sha256(), "NATIONAL", "f",
                    other.rows().size(), "t", "t", null);
            EcoAidException mismatch = assertThrows(EcoAidException.class, () -> repo.apply(LibraryKind.TECHNOLOGY,
                    List.of(new SqliteLibraryRepository.Incoming(clash, other)), 5));
            assertEquals("library.error.mismatch", mismatch.key());
            assertEquals(sha2, repo.version(LibraryKind.TECHNOLOGY, 2).orElseThrow().sha256());
            assertEquals(2, repo.cursor(LibraryKind.TECHNOLOGY));
        }
    }

    @Test
    void anAdminDeviceUploadsAndARetryMakesNoSecondVersion() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            h.server.libraryValidator(LibraryValidator::checkUpload);
            LibraryContent tech = LibraryContent.read(LibraryKind.TECHNOLOGY, LIB.resolve("technology-catalogue-sample.csv"));
            SyncHarness.Device member = h.member("m", h.teamA);
            SyncException refused = assertThrows(SyncException.class, () -> member.engine().uploadLibrary(tech, "x", "t.csv"));
            assertEquals(cn.ecoaid.protocol.ErrorCode.FORBIDDEN, refused.code());
            SyncHarness.Device admin = h.device("nat", Dto.Role.NATIONAL_ADMIN, null);
            LibraryDto.Version first = admin.engine().uploadLibrary(tech, "目录", "t.csv");
            LibraryDto.Version again = admin.engine().uploadLibrary(tech, "目录", "t.csv");
            assertEquals(1, first.version());
            assertEquals(first.version(), again.version());
            assertEquals(tech.sha256(), again.sha256());
            LibraryContent v2 = LibraryContent.read(LibraryKind.TECHNOLOGY, LIB.resolve("technology-catalogue-sample-v2.csv"));
            assertEquals(2, admin.engine().uploadLibrary(v2, "目录 2", "t2.csv").version());
            member.engine().sync();
            assertEquals(List.of(1L, 2L), SqliteLibraryRepository.of(member.ws()).versions(LibraryKind.TECHNOLOGY).stream()
                    .map(LibraryVersion::version).toList());
        }
    }
}
