package cn.ecoaid.l10n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * User-visible text. Every string a user sees is a key in {@code messages_zh_CN.properties} (primary) and
 * {@code messages.properties} (English). Chinese is the default language.
 */
public final class Messages {
    public static final String BUNDLE = "cn.ecoaid.l10n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static volatile Messages current = new Messages(CHINESE);

    private final Locale locale;
    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.locale = Objects.requireNonNull(locale);
        // NoFallback: English must not fall back to the JVM's default locale (which may be Chinese, or not).
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The language in force for the whole application (UI, CLI, reports). */
    public static Messages current() {
        return current;
    }

    public static void setCurrent(Locale locale) {
        current = new Messages(locale);
    }

    /** Shortcut for {@code current().text(key, args)}. */
    public static String get(String key, Object... args) {
        return current.text(key, args);
    }

    /** Parses "zh", "zh_CN", "zh-CN", "en" into one of the supported locales. */
    public static Locale parseLocale(String tag) {
        if (tag == null || tag.isBlank()) {
            return CHINESE;
        }
        return tag.toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : CHINESE;
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
