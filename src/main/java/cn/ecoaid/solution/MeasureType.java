package cn.ecoaid.solution;

/** Kinds of measure: structural (industry/energy/transport structure), engineering, management, emergency. */
public enum MeasureType { STRUCTURAL, ENGINEERING, MANAGEMENT, EMERGENCY }
