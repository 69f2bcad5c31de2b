package cn.ecoaid.ui.pmf;

import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.PmfChartSet;
import cn.ecoaid.pmf.PmfResults;
import cn.ecoaid.report.AirCharts;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.jfree.chart.JFreeChart;

/**
 * The PMF charts tab: a factor's profile (% of species), its normalised contributions over the samples, every factor's
 * mean contribution as a pie, and the G-space plot of two factors — drawn with JFreeChart ({@link PmfChartSet}) from the
 * shown model, with the confirmed factor names, and exported as PNG.
 */
public final class PmfChartsViewModel {
    /** What to draw. */
    public enum Kind { PROFILE, CONTRIBUTIONS, PIE, GSPACE }

    public static final int WIDTH = PmfChartSet.WIDTH;
    public static final int HEIGHT = PmfChartSet.HEIGHT;

    private final ReadOnlyObjectProperty<PmfResults> results;
    private final ObservableList<String> confirmedNames;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.PROFILE);
    private final ObjectProperty<Integer> factorA = new SimpleObjectProperty<>(1);
    private final ObjectProperty<Integer> factorB = new SimpleObjectProperty<>(2);
    private final ObjectProperty<BufferedImage> image = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    public PmfChartsViewModel(ReadOnlyObjectProperty<PmfResults> results, ObservableList<String> confirmedNames) {
        this.results = results;
        this.confirmedNames = confirmedNames;
        results.addListener((o, a, b) -> draw());
        kind.addListener((o, a, b) -> draw());
        factorA.addListener((o, a, b) -> draw());
        factorB.addListener((o, a, b) -> draw());
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** The factor shown (1-based); the x axis of the G-space plot. */
    public ObjectProperty<Integer> factorAProperty() {
        return factorA;
    }

    /** The y axis of the G-space plot (1-based). */
    public ObjectProperty<Integer> factorBProperty() {
        return factorB;
    }

    public ObjectProperty<BufferedImage> imageProperty() {
        return image;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The factors' names: the confirmed ones, else "因子 k". */
    public List<String> names() {
        PmfResults r = results.get();
        return r == null ? List.of() : PmfChartSet.names(r.solution().p(), confirmedNames);
    }

    /** The chart of the current choice, or null without results. */
    public JFreeChart chart() {
        PmfResults r = results.get();
        if (r == null) {
            return null;
        }
        int p = r.solution().p();
        int a = Math.max(0, Math.min(p - 1, factorA.get() - 1));
        int b = Math.max(0, Math.min(p - 1, factorB.get() - 1));
        return PmfChartSet.of(PmfChartSet.Kind.valueOf(kind.get().name()), r, names(), a, b);
    }

    /** Redraws the chart (cheap: a few hundred points). */
    public void draw() {
        JFreeChart c = chart();
        image.set(c == null ? null : AirCharts.render(c, WIDTH, HEIGHT, null));
    }

    /** Writes the current chart as a PNG file. */
    public void export(Path png) {
        JFreeChart c = chart();
        if (c == null) {
            message.set(Messages.get("pmf.charts.none"));
            return;
        }
        try {
            AirCharts.writePng(c, png, WIDTH, HEIGHT);
            message.set(Messages.get("pmf.charts.exported", png));
        } catch (RuntimeException e) {
            message.set(ErrorText.describe(e));
        }
    }
}
