package cn.ecoaid;

/**
 * Entry point of {@code ecoaid.jar}. Without arguments it opens the desktop window; with a command it runs headless.
 * Deliberately not a JavaFX {@code Application} subclass, so that a plain classpath launch works.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // No arguments, or a workspace file (double-clicked in a file manager): the desktop window.
        if (args.length == 0 || args.length == 1 && args[0].endsWith(".ecoaid")) {
            cn.ecoaid.ui.App.launchDesktop(args);
        } else if (args[0].equals("guide-screenshots")) {
            cn.ecoaid.ui.GuideScreenshots.launchWith(java.util.Arrays.copyOfRange(args, 1, args.length));
        } else {
            System.exit(cn.ecoaid.cli.Main.run(args));
        }
    }
}
