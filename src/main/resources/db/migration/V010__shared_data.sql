-- V010: records pulled from other devices may repeat a name that is unique on one device: two members who each add
-- site "S01", inventory "2025 基准" or a "措施" section offline both keep theirs, and both arrive on every device.
-- Uniqueness of live site codes, inventory names, inventory input roles, map layer names, PMF run names and package
-- section kinds is
-- therefore checked when a record is written on this device (the repositories refuse a duplicate), not by the database, so that
-- a pull never fails on a duplicate and nothing is dropped. The plain indexes keep the lookups fast.
DROP INDEX site_code_live;
CREATE INDEX site_code_live ON site (code) WHERE deleted = 0;
DROP INDEX inventory_live_name;
CREATE INDEX inventory_live_name ON inventory (name) WHERE deleted = 0;
DROP INDEX inventory_input_live_role;
CREATE INDEX inventory_input_live_role ON inventory_input (inventory_id, role) WHERE deleted = 0;
DROP INDEX map_layer_name_live;
CREATE INDEX map_layer_name_live ON map_layer (name) WHERE deleted = 0;
DROP INDEX pmf_run_live_name;
CREATE INDEX pmf_run_live_name ON pmf_run (name) WHERE deleted = 0;
DROP INDEX solution_section_kind;
CREATE INDEX solution_section_kind ON solution_section (package_id, kind) WHERE deleted = 0;

-- An air import's stored values travel as an attachment of the import (store.AirValuesFile), so that the team's other
-- devices hold the same hourly and daily values after a pull.
ALTER TABLE air_import ADD COLUMN values_attachment TEXT;
-- A map layer's features travel the same way (store.MapFeaturesFile).
ALTER TABLE map_layer ADD COLUMN features_attachment TEXT;
