package cn.ecoaid.solution;

/** What a solution package is for: a city, a river or lake, an industrial park or one enterprise (一市/一河/一园/一企一策). */
public enum Scope { CITY, RIVER, PARK, ENTERPRISE }
