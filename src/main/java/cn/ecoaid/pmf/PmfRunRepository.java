package cn.ecoaid.pmf;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PMF runs kept in a workspace ({@code Workspace.pmf()}); names are unique among the live runs. */
public interface PmfRunRepository {
    /** A file to store with a run. */
    record NewFile(String fileName, byte[] content) {
    }

    /**
     * Keeps a run: {@code run}'s id and creation time are assigned here; the files are stored first, then the run,
     * its models and file rows commit in one transaction.
     */
    SavedPmfRun create(SavedPmfRun run, Map<SavedPmfRun.Role, NewFile> files);

    /** Live runs, newest first. */
    List<SavedPmfRun> list();

    Optional<SavedPmfRun> get(String id);

    Optional<SavedPmfRun> findByName(String name);

    /** The content of a stored file. */
    byte[] read(SavedPmfRun.StoredFile file);

    /** Replaces the confirmed factor names. */
    SavedPmfRun setFactorNames(String id, List<String> names);

    /** Tombstones the run, its models and its file rows. */
    void delete(String id);
}
