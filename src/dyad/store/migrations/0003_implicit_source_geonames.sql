-- The event contract gained `implicit_source` (the source was inferred, not named) and
-- the place's GeoNames id. Rows stored before this migration get false and null.

ALTER TABLE events ADD COLUMN implicit_source BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE events ADD COLUMN place_geonames_id BIGINT;
