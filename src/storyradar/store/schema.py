"""The store's tables: one versioned schema, created idempotently.

Each domain owns one section below; every statement is ``CREATE ... IF NOT EXISTS`` so opening an
existing store is harmless. Times are TIMESTAMP columns holding UTC (naive by convention), each
next to an ``*_offset_min`` column where the original offset matters.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

CORE = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY,
        url VARCHAR NOT NULL,
        canonical_url VARCHAR,
        outlet VARCHAR,
        title VARCHAR,
        text VARCHAR,
        language VARCHAR,
        country VARCHAR,
        author VARCHAR,
        published_at TIMESTAMP,
        published_offset_min INTEGER,
        date_source VARCHAR,
        fetched_at TIMESTAMP,
        source_kind VARCHAR,
        locator VARCHAR,
        collection_source VARCHAR,
        content_hash VARCHAR,
        dup_group VARCHAR,
        extras JSON,
        ingested_at TIMESTAMP,
        published_precision VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS ingest_runs (
        id VARCHAR PRIMARY KEY,
        started_at TIMESTAMP,
        finished_at TIMESTAMP,
        inputs JSON,
        n_read INTEGER,
        n_stored INTEGER,
        n_duplicates INTEGER,
        n_rejected INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS rejections (
        run_id VARCHAR,
        path VARCHAR,
        locator VARCHAR,
        reason VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS incidents (
        id VARCHAR PRIMARY KEY,
        name VARCHAR UNIQUE NOT NULL,
        spec JSON NOT NULL,
        created_at TIMESTAMP,
        updated_at TIMESTAMP
    )""",
    # The article fields coverage needs are copied in at match time (articles never change once
    # stored), so an incident's coverage query reads its own rows and its cost follows the incident,
    # not the size of the store.
    """CREATE TABLE IF NOT EXISTS matches (
        incident_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        score DOUBLE,
        relation VARCHAR,
        reasons JSON,
        matched_at TIMESTAMP,
        url VARCHAR,
        title VARCHAR,
        lead VARCHAR,
        outlet VARCHAR,
        language VARCHAR,
        country VARCHAR,
        published_at TIMESTAMP,
        published_offset_min INTEGER,
        date_source VARCHAR,
        source_kind VARCHAR,
        collection_source VARCHAR,
        dup_group VARCHAR,
        published_precision VARCHAR,
        PRIMARY KEY (incident_id, article_id)
    )""",
    # A person's decision on one article for one incident; later match runs respect it.
    """CREATE TABLE IF NOT EXISTS match_overrides (
        incident_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        decision VARCHAR NOT NULL,
        by_whom VARCHAR,
        why VARCHAR,
        decided_at TIMESTAMP,
        PRIMARY KEY (incident_id, article_id)
    )""",
]

# --- claims (owned by storyradar.claims) -----------------------------------------------------
CLAIMS = [
    """CREATE TABLE IF NOT EXISTS claims (
        id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        incident_id VARCHAR,
        kind VARCHAR,
        speaker_raw VARCHAR,
        speaker VARCHAR,
        speaker_role VARCHAR,
        speaker_affiliation VARCHAR,
        cue VARCHAR,
        content VARCHAR,
        quote_style VARCHAR,
        span_start INTEGER,
        span_end INTEGER,
        target VARCHAR,
        hedged BOOLEAN,
        hedges JSON,
        figures JSON,
        language VARCHAR,
        published_at TIMESTAMP,
        extras JSON
    )""",
]

# --- evidence (owned by storyradar.evidence) -------------------------------------------------
EVIDENCE = [
    """CREATE TABLE IF NOT EXISTS evidence (
        id VARCHAR PRIMARY KEY,
        incident_id VARCHAR,
        kind VARCHAR,
        sha256 VARCHAR NOT NULL,
        blake2b VARCHAR,
        size BIGINT,
        mime VARCHAR,
        original_name VARCHAR,
        vault_path VARCHAR,
        source_url VARCHAR,
        first_seen_at TIMESTAMP,
        first_seen_offset_min INTEGER,
        acquired_by VARCHAR,
        acquired_at TIMESTAMP,
        acquired_how VARCHAR,
        media JSON,
        note VARCHAR
    )""",
    # One append-only hash chain per incident (chain = incident id); see evidence/custody.py.
    """CREATE TABLE IF NOT EXISTS custody_log (
        chain VARCHAR NOT NULL,
        seq BIGINT NOT NULL,
        evidence_id VARCHAR,
        action VARCHAR NOT NULL,
        actor VARCHAR,
        logged_at TIMESTAMP NOT NULL,
        details VARCHAR,  -- JSON text kept verbatim: the entry hash covers its parsed content
        prev_hash VARCHAR NOT NULL,
        entry_hash VARCHAR NOT NULL,
        PRIMARY KEY (chain, seq)
    )""",
    """CREATE TABLE IF NOT EXISTS evidence_links (
        evidence_id VARCHAR NOT NULL,
        claim_id VARCHAR NOT NULL,
        relation VARCHAR NOT NULL,
        why VARCHAR,
        by_whom VARCHAR,
        linked_at TIMESTAMP,
        PRIMARY KEY (evidence_id, claim_id)
    )""",
]

# --- verify and correlate (owned by storyradar.verify / storyradar.correlate) ----------------
OBSERVATIONS = [
    """CREATE TABLE IF NOT EXISTS observations (
        id VARCHAR PRIMARY KEY,
        incident_id VARCHAR,
        kind VARCHAR NOT NULL,
        method VARCHAR,
        inputs JSON,
        result JSON,
        measured_by VARCHAR,
        created_at TIMESTAMP,
        note VARCHAR
    )""",
]

# --- assertions (owned by storyradar.assertions) ---------------------------------------------
ASSERTIONS = [
    """CREATE TABLE IF NOT EXISTS assertion_results (
        id VARCHAR PRIMARY KEY,
        incident_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        label VARCHAR,
        params JSON,
        verdict VARCHAR NOT NULL,
        summary VARCHAR,
        figures JSON,
        thresholds JSON,
        items JSON,
        origin VARCHAR,
        checked_at TIMESTAMP
    )""",
]

# --- stories (owned by storyradar.match) -----------------------------------------------------
STORIES = [
    """CREATE TABLE IF NOT EXISTS stories (
        article_id VARCHAR PRIMARY KEY,
        story_id VARCHAR NOT NULL,
        published_at TIMESTAMP,
        assigned_at TIMESTAMP
    )""",
    """CREATE TABLE IF NOT EXISTS story_clusters (
        story_id VARCHAR PRIMARY KEY,
        first_at TIMESTAMP,
        last_at TIMESTAMP,
        size INTEGER,
        centroid JSON,
        label VARCHAR,
        updated_at TIMESTAMP
    )""",
    # document frequencies behind the story vectors; the row with term '' holds the article count
    """CREATE TABLE IF NOT EXISTS story_df (term VARCHAR PRIMARY KEY, df BIGINT)""",
    # stage 1 of story grouping: topics (same columns as story_clusters) and each article's topic
    """CREATE TABLE IF NOT EXISTS story_topics (
        topic_id VARCHAR PRIMARY KEY,
        first_at TIMESTAMP,
        last_at TIMESTAMP,
        size INTEGER,
        centroid JSON,
        label VARCHAR,
        updated_at TIMESTAMP
    )""",
    """CREATE TABLE IF NOT EXISTS story_topic_members (article_id VARCHAR PRIMARY KEY, topic_id VARCHAR NOT NULL)""",
    # where the articles of a story went when a re-split changed it (successor_id holds `articles` of them)
    """CREATE TABLE IF NOT EXISTS story_lineage (
        story_id VARCHAR NOT NULL,
        successor_id VARCHAR NOT NULL,
        articles INTEGER,
        recorded_at TIMESTAMP,
        PRIMARY KEY (story_id, successor_id)
    )""",
]

# --- gdelt (owned by storyradar.gdelt) -------------------------------------------------------
GDELT = [
    # GDELT's own timeline for an incident (DOC API timelinevol / timelinevolraw / ...), per bin
    """CREATE TABLE IF NOT EXISTS gdelt_timelines (
        incident_id VARCHAR NOT NULL,
        query VARCHAR NOT NULL,
        mode VARCHAR NOT NULL,
        series VARCHAR NOT NULL,
        bin_at TIMESTAMP NOT NULL,
        value DOUBLE,
        norm DOUBLE,
        fetched_at TIMESTAMP,
        PRIMARY KEY (incident_id, mode, series, bin_at)
    )""",
]

# --- watch (owned by storyradar.watch) -------------------------------------------------------
WATCH = [
    """CREATE TABLE IF NOT EXISTS watch_sources (
        incident_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        locator VARCHAR NOT NULL,
        options JSON,
        added_at TIMESTAMP,
        PRIMARY KEY (incident_id, locator)
    )""",
    """CREATE TABLE IF NOT EXISTS watch_state (
        incident_id VARCHAR NOT NULL,
        key VARCHAR NOT NULL,
        value JSON,
        updated_at TIMESTAMP,
        PRIMARY KEY (incident_id, key)
    )""",
    # one row per event reported in a digest: a restart never reports it again
    """CREATE TABLE IF NOT EXISTS watch_digests (
        incident_id VARCHAR NOT NULL,
        event_key VARCHAR NOT NULL,
        digest VARCHAR,
        created_at TIMESTAMP,
        PRIMARY KEY (incident_id, event_key)
    )""",
]

ALL_TABLES = CORE + CLAIMS + EVIDENCE + OBSERVATIONS + STORIES + ASSERTIONS + GDELT + WATCH

#: Tables written by Parquet export and read by import, in dependency order.
EXPORT_TABLES = [
    "articles", "incidents", "matches", "match_overrides", "claims",
    "evidence", "custody_log", "evidence_links", "observations", "assertion_results",
    "stories", "story_clusters", "story_df", "story_topics", "story_topic_members", "story_lineage",
    "gdelt_timelines",
]
