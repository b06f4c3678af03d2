-- Articles and the events coded from them: every field of Event.to_dict(), flattened.
-- {identity} is the auto-numbered id column type of the dialect (see store/dialect.py).

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    published TEXT,
    title TEXT,
    url TEXT,
    source TEXT,
    lang TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE events (
    id {identity},
    article_id TEXT NOT NULL REFERENCES articles (id),
    seq INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    source_entity TEXT,
    source_role TEXT NOT NULL,
    source_code TEXT NOT NULL,
    source_name TEXT,
    source_text TEXT NOT NULL,
    target_entity TEXT,
    target_role TEXT NOT NULL,
    target_code TEXT NOT NULL,
    target_name TEXT,
    target_text TEXT NOT NULL,
    cameo TEXT NOT NULL,
    cameo_root TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein DOUBLE PRECISION NOT NULL,
    plover_type TEXT NOT NULL,
    plover_mode TEXT NOT NULL,
    status TEXT NOT NULL,
    date TEXT,
    day TEXT,
    place_name TEXT,
    place_country TEXT,
    place_lat DOUBLE PRECISION,
    place_lon DOUBLE PRECISION,
    evidence_text TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    implicit_target BOOLEAN NOT NULL,
    UNIQUE (article_id, seq)
);

CREATE INDEX events_dyad_date ON events (source_entity, target_entity, date);
CREATE INDEX events_dyad_day ON events (source_entity, target_entity, day);
CREATE INDEX events_cameo_root ON events (cameo_root);
CREATE INDEX articles_published ON articles (published);
