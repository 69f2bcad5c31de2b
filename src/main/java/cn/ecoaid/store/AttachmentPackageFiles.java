package cn.ecoaid.store;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.solution.PackageFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** A package's files as workspace attachments owned by the package ({@code owner_entity = solution_package}). */
public final class AttachmentPackageFiles implements PackageFiles {
    private final Database db;
    private final AttachmentStore attachments;

    public AttachmentPackageFiles(Database db, AttachmentStore attachments) {
        this.db = db;
        this.attachments = attachments;
    }

    @Override
    public List<FileRef> list(String packageId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT min(file_name), sha256, size, min(media_type) FROM attachment"
                    + " WHERE owner_entity = ? AND owner_id = ? AND deleted = 0 GROUP BY sha256, size ORDER BY sha256")) {
                ps.setString(1, SqliteSolutionRepository.PACKAGE);
                ps.setString(2, packageId);
                List<FileRef> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new FileRef(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public byte[] read(String sha256) {
        Path p = attachments.folder().resolve(sha256.substring(0, 2)).resolve(sha256);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.notFound", p);
        }
    }

    @Override
    public FileRef put(String packageId, String name, String mediaType, byte[] content) {
        AttachmentStore.Attachment a = attachments.put(new ByteArrayInputStream(content), name, mediaType,
                SqliteSolutionRepository.PACKAGE, packageId);
        return new FileRef(a.fileName(), a.sha256(), a.size(), a.mediaType());
    }
}
