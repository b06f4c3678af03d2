-- Cross-article dedup: each coded event is one mention of a story event. A story is
-- named by the id of its first event (story_id = events.id of the root); nothing is
-- deleted, every per-article event row stays and links to its story here.

CREATE TABLE mentions (
    event_id BIGINT PRIMARY KEY REFERENCES events (id),
    story_id BIGINT NOT NULL REFERENCES events (id),
    article_id TEXT NOT NULL REFERENCES articles (id)
);

CREATE INDEX mentions_story ON mentions (story_id);
CREATE INDEX mentions_article ON mentions (article_id);
-- dedup looks up the stories of one (source, target, CAMEO root, roles) key per new event
CREATE INDEX events_story_key ON events (source_entity, target_entity, cameo_root,
                                         source_role, target_role);
