-- tracker schema (sqlite), generated from tracker/store/models.py.
-- Regenerate with: tracker schema --dialect sqlite

CREATE TABLE articles (
	id INTEGER NOT NULL,
	sha256 VARCHAR(64) NOT NULL,
	title VARCHAR(1000),
	outlet VARCHAR(200),
	url VARCHAR(2000),
	path VARCHAR(4096),
	published DATE,
	text TEXT NOT NULL,
	encoding VARCHAR(32) NOT NULL,
	parser_version VARCHAR(32) NOT NULL,
	ingested_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (sha256)
);

CREATE TABLE log_head (
	id INTEGER NOT NULL,
	entries INTEGER NOT NULL,
	last_hash VARCHAR(64) NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT single_log_head CHECK (id = 1)
);

CREATE TABLE sources (
	id INTEGER NOT NULL,
	name VARCHAR(500) NOT NULL,
	match_key VARCHAR(600) NOT NULL,
	type VARCHAR(12) NOT NULL,
	surname VARCHAR(600),
	PRIMARY KEY (id),
	CONSTRAINT source_type CHECK (type = 'person' OR type = 'organisation' OR type = 'unnamed' OR type = 'document'),
	UNIQUE (match_key)
);

CREATE INDEX ix_sources_type_surname ON sources (type, surname);

CREATE TABLE claims (
	id INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	ordinal INTEGER NOT NULL,
	sentence_ordinal INTEGER NOT NULL,
	source_id INTEGER NOT NULL,
	source_start INTEGER,
	source_end INTEGER,
	source_text VARCHAR(1000),
	cue_start INTEGER,
	cue_end INTEGER,
	cue_text VARCHAR(200),
	cue_class VARCHAR(9) NOT NULL,
	content_spans JSON NOT NULL,
	content_text TEXT NOT NULL,
	mode VARCHAR(8) NOT NULL,
	hedges JSON NOT NULL,
	speech_date DATE,
	speech_date_text VARCHAR(200),
	status VARCHAR(12) NOT NULL,
	version INTEGER NOT NULL,
	orphaned BOOLEAN NOT NULL,
	fingerprint VARCHAR(64) NOT NULL,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT claim_version_positive CHECK (version >= 1),
	CONSTRAINT cue_class CHECK (cue_class = 'speech' OR cue_class = 'cognition' OR cue_class = 'evidence'),
	CONSTRAINT claim_mode CHECK (mode = 'direct' OR mode = 'indirect' OR mode = 'mixed'),
	CONSTRAINT claim_status CHECK (status = 'unreviewed' OR status = 'verified' OR status = 'disputed' OR status = 'unverifiable' OR status = 'orphaned'),
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE,
	FOREIGN KEY(source_id) REFERENCES sources (id)
);

CREATE INDEX ix_claims_article_ordinal ON claims (article_id, ordinal);

CREATE INDEX ix_claims_cue_status_id ON claims (cue_class, status, id);

CREATE INDEX ix_claims_source_id ON claims (source_id, id);

CREATE INDEX ix_claims_status_id ON claims (status, id);

CREATE TABLE sentences (
	id INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	ordinal INTEGER NOT NULL,
	start_char INTEGER NOT NULL,
	end_char INTEGER NOT NULL,
	label VARCHAR(11) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (article_id, ordinal),
	CONSTRAINT sentence_span CHECK (start_char >= 0 AND end_char >= start_char),
	CONSTRAINT sentence_label CHECK (label = 'attributed' OR label = 'statement' OR label = 'heading' OR label = 'boilerplate'),
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);

CREATE TABLE source_aliases (
	id INTEGER NOT NULL,
	source_id INTEGER NOT NULL,
	alias VARCHAR(500) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (source_id, alias),
	FOREIGN KEY(source_id) REFERENCES sources (id) ON DELETE CASCADE
);

CREATE TABLE verification_links (
	id INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	sentence_start INTEGER NOT NULL,
	sentence_end INTEGER NOT NULL,
	stance VARCHAR(10) NOT NULL,
	by_entity VARCHAR(500) NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT link_stance CHECK (stance = 'unverified' OR stance = 'caution' OR stance = 'disputed' OR stance = 'supported'),
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);

CREATE TABLE link_targets (
	link_id INTEGER NOT NULL,
	claim_id INTEGER NOT NULL,
	PRIMARY KEY (link_id, claim_id),
	FOREIGN KEY(link_id) REFERENCES verification_links (id) ON DELETE CASCADE,
	FOREIGN KEY(claim_id) REFERENCES claims (id) ON DELETE CASCADE
);

CREATE INDEX ix_link_targets_claim_id ON link_targets (claim_id);

CREATE TABLE reviews (
	id INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	claim_id INTEGER NOT NULL,
	reviewer VARCHAR(200) NOT NULL,
	from_status VARCHAR(12) NOT NULL,
	to_status VARCHAR(12) NOT NULL,
	note TEXT NOT NULL,
	evidence JSON NOT NULL,
	created_at DATETIME NOT NULL,
	claim_version INTEGER NOT NULL,
	undoes INTEGER,
	prev_hash VARCHAR(64) NOT NULL,
	hash VARCHAR(64) NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT review_from_status CHECK (from_status = 'unreviewed' OR from_status = 'verified' OR from_status = 'disputed' OR from_status = 'unverifiable' OR from_status = 'orphaned'),
	CONSTRAINT review_to_status CHECK (to_status = 'unreviewed' OR to_status = 'verified' OR to_status = 'disputed' OR to_status = 'unverifiable' OR to_status = 'orphaned'),
	UNIQUE (seq),
	FOREIGN KEY(claim_id) REFERENCES claims (id),
	FOREIGN KEY(undoes) REFERENCES reviews (id),
	UNIQUE (hash)
);

CREATE INDEX ix_reviews_claim_seq ON reviews (claim_id, seq);

CREATE INDEX ix_reviews_created_at ON reviews (created_at);

CREATE INDEX ix_reviews_reviewer ON reviews (reviewer);

CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(content_text, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER IF NOT EXISTS claims_fts_delete AFTER DELETE ON claims BEGIN INSERT INTO claims_fts(claims_fts, rowid, content_text) VALUES ('delete', old.id, old.content_text); END;

CREATE TRIGGER IF NOT EXISTS claims_fts_update AFTER UPDATE OF content_text ON claims BEGIN INSERT INTO claims_fts(claims_fts, rowid, content_text) VALUES ('delete', old.id, old.content_text); INSERT INTO claims_fts(rowid, content_text) VALUES (new.id, new.content_text); END;
