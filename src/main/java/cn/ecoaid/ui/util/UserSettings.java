package cn.ecoaid.ui.util;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the desktop remembers between runs: language, recent workspaces, where new workspaces go. */
public interface UserSettings {
    Locale language();

    void setLanguage(Locale locale);

    /** Most recent first, at most {@link #MAX_RECENT}. */
    List<Path> recentWorkspaces();

    void addRecentWorkspace(Path file);

    Path workspaceFolder();

    int MAX_RECENT = 10;
}
