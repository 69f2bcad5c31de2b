package cn.ecoaid.solution;

import java.util.List;

/** The files (images, attachments) a package holds, stored by content hash; the store adapts its attachment store. */
public interface PackageFiles {
    /** A stored file. */
    record FileRef(String name, String sha256, long size, String mediaType) {
    }

    /** Files attached to the package, sorted by hash. */
    List<FileRef> list(String packageId);

    byte[] read(String sha256);

    /** Stores content as a file of the package. */
    FileRef put(String packageId, String name, String mediaType, byte[] content);

    /** A package without files. */
    PackageFiles NONE = new PackageFiles() {
        @Override
        public List<FileRef> list(String packageId) {
            return List.of();
        }

        @Override
        public byte[] read(String sha256) {
            throw new cn.ecoaid.domain.EcoAidException("solution.error.notFound", sha256);
        }

        @Override
        public FileRef put(String packageId, String name, String mediaType, byte[] content) {
            throw new UnsupportedOperationException("no file store");
        }
    };
}
