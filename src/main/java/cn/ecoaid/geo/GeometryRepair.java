package cn.ecoaid.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Repairs invalid geometries with JTS {@link GeometryFixer} and records which features were fixed and why. */
public final class GeometryRepair {
    private GeometryRepair() {
    }

    /** A layer whose invalid geometries are fixed; {@link Layer#repairs()} lists them. */
    public static Layer repair(Layer layer) {
        List<Feature> out = new ArrayList<>(layer.features().size());
        List<Layer.Repair> repairs = new ArrayList<>(layer.repairs());
        for (int i = 0; i < layer.features().size(); i++) {
            Feature f = layer.features().get(i);
            Geometry g = f.geometry();
            if (g == null) {
                out.add(f);
                continue;
            }
            IsValidOp op = new IsValidOp(g);
            TopologyValidationError err = op.getValidationError();
            if (err == null) {
                out.add(f);
            } else {
                Geometry fixed = GeometryFixer.fix(g);
                repairs.add(new Layer.Repair(i, err.getMessage() + " (" + err.getCoordinate() + ")"));
                out.add(f.withGeometry(fixed));
            }
        }
        return new Layer(layer.name(), layer.crs(), layer.fields(), out, repairs);
    }
}
