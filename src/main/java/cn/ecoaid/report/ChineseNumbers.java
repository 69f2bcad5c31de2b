package cn.ecoaid.report;

/** Heading numbers of Chinese technical reports: 一、 （一） 1. */
public final class ChineseNumbers {
    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumbers() {
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. */
    public static String of(int n) {
        if (n < 1 || n > 99) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
    }

    /** 一、 */
    public static String chapter(int n) {
        return of(n) + "、";
    }

    /** （一） */
    public static String sub(int n) {
        return "（" + of(n) + "）";
    }

    /** 1. */
    public static String item(int n) {
        return n + ". ";
    }
}
