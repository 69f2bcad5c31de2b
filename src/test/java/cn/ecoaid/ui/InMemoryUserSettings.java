package cn.ecoaid.ui;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.util.UserSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Settings kept in memory for tests. */
public final class InMemoryUserSettings implements UserSettings {
    private Locale language = Messages.CHINESE;
    private final List<Path> recent = new ArrayList<>();
    private final Path folder;

    public InMemoryUserSettings(Path folder) {
        this.folder = folder;
    }

    @Override
    public Locale language() {
        return language;
    }

    @Override
    public void setLanguage(Locale locale) {
        language = locale;
    }

    @Override
    public List<Path> recentWorkspaces() {
        return List.copyOf(recent);
    }

    @Override
    public void addRecentWorkspace(Path file) {
        recent.remove(file);
        recent.add(0, file);
    }

    @Override
    public Path workspaceFolder() {
        return folder;
    }
}
