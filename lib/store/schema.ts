/** Raised when a table changes incompatibly (new tables need no bump); a store written with another version is set aside, not misread. */
export const SCHEMA_VERSION = 1;

/** The store's tables. Columns hold what the dashboard filters, sorts or groups on; `record` keeps the original. */
export const SCHEMA_STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS store_meta (schema_version INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS datasets (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    status VARCHAR NOT NULL,
    ingest_started_at TIMESTAMP,
    is_sample BOOLEAN NOT NULL DEFAULT false,
    source VARCHAR NOT NULL,
    error VARCHAR,
    files_total INTEGER NOT NULL DEFAULT 0,
    files_done INTEGER NOT NULL DEFAULT 0,
    files_skipped INTEGER NOT NULL DEFAULT 0,
    files_failed INTEGER NOT NULL DEFAULT 0,
    bytes_total BIGINT NOT NULL DEFAULT 0,
    bytes_done BIGINT NOT NULL DEFAULT 0,
    records_seen BIGINT NOT NULL DEFAULT 0,
    duplicates BIGINT NOT NULL DEFAULT 0,
    quarantined BIGINT NOT NULL DEFAULT 0,
    -- Computed when a reading ends, so that showing a dataset never scans its events.
    records BIGINT NOT NULL DEFAULT 0,
    repaired BIGINT NOT NULL DEFAULT 0,
    time_from TIMESTAMP,
    time_to TIMESTAMP
  )`,
  `CREATE TABLE IF NOT EXISTS events (
    dataset_id VARCHAR NOT NULL,
    -- The record's place in the order it was read, unique in its dataset: the stable tie-breaker
    -- that keeps a shared link's rows in the same order, and cheap to sort on.
    seq BIGINT NOT NULL,
    event_id VARCHAR NOT NULL,
    event_id_derived BOOLEAN NOT NULL,
    event_time TIMESTAMP,
    event_version VARCHAR,
    event_source VARCHAR,
    service_name VARCHAR,
    event_name VARCHAR,
    aws_region VARCHAR,
    source_ip VARCHAR,
    user_agent VARCHAR,
    error_code VARCHAR,
    error_message VARCHAR,
    read_only BOOLEAN,
    event_type VARCHAR,
    event_category VARCHAR,
    account_id VARCHAR,
    request_id VARCHAR,
    shared_event_id VARCHAR,
    resource_arns VARCHAR[] NOT NULL,
    identity_key VARCHAR NOT NULL,
    identity_type VARCHAR NOT NULL,
    identity_display VARCHAR NOT NULL,
    identity_arn VARCHAR,
    access_key_id VARCHAR,
    session_name VARCHAR,
    mfa_authenticated BOOLEAN,
    session_created_at VARCHAR,
    source_identity VARCHAR,
    redaction_kinds VARCHAR[] NOT NULL,
    redactions JSON NOT NULL,
    repaired BOOLEAN NOT NULL,
    repairs JSON NOT NULL,
    content_hash VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    source_line INTEGER NOT NULL,
    record JSON NOT NULL,
    -- The record's text in lower case, for free-text search with a plain substring scan.
    search_text VARCHAR NOT NULL
  )`,
  // ISO 8601 UTC as JavaScript writes it, with the expanded year form (+275760-…) that hostile or
  // mistyped eventTimes need beyond year 9999.
  `CREATE OR REPLACE MACRO iso_utc(t) AS CASE
    WHEN t IS NULL THEN NULL
    WHEN year(t) BETWEEN 0 AND 9999 THEN strftime(t, '%Y-%m-%dT%H:%M:%S.%gZ')
    ELSE CASE WHEN year(t) < 0 THEN '-' ELSE '+' END || lpad(abs(year(t))::VARCHAR, 6, '0') || strftime(t, '-%m-%dT%H:%M:%S.%gZ')
  END`,
  // The summary of all of a dataset's events, kept when a reading ends: the view every analyst opens first.
  `CREATE TABLE IF NOT EXISTS dataset_summaries (
    dataset_id VARCHAR PRIMARY KEY,
    summary JSON NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS short_links (
    id VARCHAR PRIMARY KEY,
    dataset_id VARCHAR NOT NULL,
    query VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS problems (
    dataset_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    line INTEGER,
    col INTEGER,
    reason VARCHAR NOT NULL,
    raw VARCHAR
  )`,
];
