package cn.ecoaid.ui.util;

import cn.ecoaid.l10n.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;

/** {@link UserSettings} in the Java preferences store of the user. */
public final class PreferencesUserSettings implements UserSettings {
    private final Preferences prefs;

    public PreferencesUserSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static PreferencesUserSettings forUser() {
        return new PreferencesUserSettings(Preferences.userRoot().node("cn/ecoaid/workbench"));
    }

    @Override
    public Locale language() {
        return Messages.parseLocale(prefs.get("language", "zh_CN"));
    }

    @Override
    public void setLanguage(Locale locale) {
        prefs.put("language", locale.toString());
    }

    @Override
    public List<Path> recentWorkspaces() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String v = prefs.get("recent." + i, null);
            if (v != null) {
                out.add(Path.of(v));
            }
        }
        return out;
    }

    @Override
    public void addRecentWorkspace(Path file) {
        List<Path> list = new ArrayList<>(recentWorkspaces());
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                prefs.put("recent." + i, list.get(i).toString());
            } else {
                prefs.remove("recent." + i);
            }
        }
    }

    @Override
    public Path workspaceFolder() {
        return Path.of(prefs.get("workspaceFolder", Path.of(System.getProperty("user.home"), "EcoAid").toString()));
    }
}
