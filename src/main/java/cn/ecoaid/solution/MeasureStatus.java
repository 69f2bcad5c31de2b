package cn.ecoaid.solution;

/** Where a measure stands. */
public enum MeasureStatus { PLANNED, IN_PROGRESS, DONE, DELAYED, CANCELLED }
