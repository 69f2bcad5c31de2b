package cn.ecoaid.ui.util;

import java.io.IOException;
import java.io.InputStream;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the bundled CJK font (WenQuanYi Micro Hei, Apache-2.0) so Chinese renders on machines without one. */
public final class Fonts {
    public static final String FAMILY = "WenQuanYi Micro Hei";
    private static final Logger LOG = LoggerFactory.getLogger(Fonts.class);
    private static volatile boolean loaded;

    private Fonts() {
    }

    public static synchronized void loadBundled() {
        if (loaded) {
            return;
        }
        try (InputStream in = Fonts.class.getResourceAsStream("/cn/ecoaid/fonts/wqy-microhei.ttc")) {
            Font[] fonts = in == null ? null : Font.loadFonts(in, 13);
            loaded = fonts != null && fonts.length > 0;
            if (!loaded) {
                LOG.warn("bundled CJK font could not be loaded");
            }
        } catch (IOException e) {
            LOG.warn("bundled CJK font could not be loaded", e);
        }
    }
}
