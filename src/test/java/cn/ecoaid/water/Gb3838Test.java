package cn.ecoaid.water;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every limit of GB 3838-2002 表1, read from the reference copy in the fixtures (not from the shipped resource). */
class Gb3838Test {
    static final Path REFERENCE = Path.of("src/test/resources/fixtures/water/gb3838_table1.csv");
    static final WaterClass[] FIVE = {WaterClass.I, WaterClass.II, WaterClass.III, WaterClass.IV, WaterClass.V};

    /** One case per item, class and side of the boundary: (code, body type, value, expected class). */
    static Stream<Arguments> boundaries() throws IOException {
        Table t = TableFiles.fromCsv(Files.readString(REFERENCE, StandardCharsets.UTF_8));
        List<Arguments> out = new ArrayList<>();
        for (Table.Row r : t.rows()) {
            String code = r.get(1);
            String direction = r.get(4);
            if (direction.equals("range")) {
                continue;
            }
            WaterBodyType type = code.equals("TP-lake") ? WaterBodyType.LAKE : WaterBodyType.RIVER;
            String item = code.equals("TP-lake") ? "TP" : code;
            if (item.equals("TN")) {
                type = WaterBodyType.LAKE;
            }
            double[] l = new double[5];
            for (int i = 0; i < 5; i++) {
                l[i] = Double.parseDouble(r.get(5 + i));
            }
            boolean max = direction.equals("max");
            for (int c = 0; c < 5; c++) {
                // at the limit: the best class sharing this limit (e.g. COD 15 is class I, not II)
                int best = c;
                while (best > 0 && l[best - 1] == l[c]) {
                    best--;
                }
                out.add(Arguments.of(item, type, l[c], FIVE[best]));
                // just beyond (worse side): the next class whose limit is looser, or 劣V after class V
                double beyond = max ? l[c] * 1.001 : l[c] * 0.999;
                int next = c + 1;
                while (next < 5 && l[next] == l[c]) {
                    next++;
                }
                out.add(Arguments.of(item, type, beyond, next < 5 ? FIVE[next] : WaterClass.WORSE_THAN_V));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} ({1}) = {2} -> {3}")
    @MethodSource("boundaries")
    void classifiesEveryLimitAtAndJustBeyondItsBoundary(String code, WaterBodyType type, double value, WaterClass expected) {
        assertEquals(expected, Gb3838.shipped().classify(code, value, type));
    }

    @Test
    void boundaryCasesCoverAllTwentyThreeRowsWithClassLimits() throws IOException {
        assertEquals(23 * 10, boundaries().count());
    }

    @ParameterizedTest
    @CsvSource({"7.5,I", "7.49,II", "6,II", "5.99,III", "5,III", "4.99,IV", "3,IV", "2.99,V", "2,V", "1.99,劣V", "0,劣V", "12,I"})
    void dissolvedOxygenIsBetterWhenHigher(double value, String expected) {
        assertEquals(expected, Gb3838.shipped().classify("DO", value, WaterBodyType.RIVER).label());
    }

    @ParameterizedTest
    @CsvSource({"6,I", "7.2,I", "9,I", "5.99,劣V", "9.01,劣V", "3,劣V"})
    void pHIsARangeForEveryClass(double value, String expected) {
        assertEquals(expected, Gb3838.shipped().classify("pH", value, WaterBodyType.LAKE).label());
    }

    @ParameterizedTest
    @CsvSource({"0.02,I,II", "0.01,I,I", "0.05,II,III", "0.1,II,IV", "0.2,III,V", "0.3,IV,劣V", "0.4,V,劣V", "0.41,劣V,劣V"})
    void totalPhosphorusLimitsDependOnWaterBody(double value, String river, String lake) {
        assertEquals(river, Gb3838.shipped().classify("TP", value, WaterBodyType.RIVER).label());
        assertEquals(lake, Gb3838.shipped().classify("TP", value, WaterBodyType.LAKE).label());
    }

    @Test
    void twentyOneEvaluationItemsWithoutTemperatureTotalNitrogenAndFecalColiform() {
        for (WaterBodyType type : WaterBodyType.values()) {
            List<String> codes = Gb3838.shipped().evaluationItems(type).stream().map(StandardItem::code).toList();
            assertEquals(21, codes.size(), codes.toString());
            assertFalse(codes.contains("TN"));
            assertFalse(codes.contains("FecalColiform"));
            assertTrue(codes.contains("TP") && codes.contains("pH") && codes.contains("DO"));
        }
        assertEquals("GB 3838-2002", Gb3838.shipped().standard());
    }

    @ParameterizedTest
    @CsvSource({"I,I", "Ⅲ,III", "3类,III", "劣V,劣V", "劣Ⅴ类,劣V", "IV类,IV"})
    void parsesClassLabels(String text, String label) {
        assertEquals(label, WaterClass.parse(text).label());
    }
}
