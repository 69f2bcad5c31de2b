package cn.ecoaid.air;

import java.time.LocalDate;

/**
 * The daily items of one station-day (NaN = missing): 24-h means of SO2, NO2, PM10, PM2.5 (µg/m³) and CO (mg/m³), the
 * O3 daily maximum 8-h mean and daily maximum 1-h mean.
 */
public record DailyValues(LocalDate date, double so2, double no2, double pm10, double pm25, double co, double o3max8h,
        double o3max1h) {
}
