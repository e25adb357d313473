-- The alert lifecycle (issue 5): each step writes a new version of the alert's row.
ALTER TABLE alerts
    ADD COLUMN IF NOT EXISTS category LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS source LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS groupId String DEFAULT '',
    ADD COLUMN IF NOT EXISTS slaDueAt Nullable(DateTime64(3, 'UTC')),
    ADD COLUMN IF NOT EXISTS deadline Nullable(DateTime64(3, 'UTC')),
    ADD COLUMN IF NOT EXISTS notice String DEFAULT '',
    ADD COLUMN IF NOT EXISTS fixNote String DEFAULT '',
    ADD COLUMN IF NOT EXISTS fixAttachmentIds Array(String),
    ADD COLUMN IF NOT EXISTS verifiedHow LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS reason String DEFAULT '',
    ADD COLUMN IF NOT EXISTS escalatedAuto UInt8 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS lastEventId String DEFAULT '';

-- Every version of every alert, kept (the alerts table keeps only the newest after merges): the
-- history an alert's page shows and the precision reports read (how many of a rule's alerts
-- were dismissed as false). Same version twice (a batch written again) is one row.
CREATE TABLE IF NOT EXISTS alert_history
(
    id String,
    rule LowCardinality(String),
    severity LowCardinality(String),
    status LowCardinality(String),
    category LowCardinality(String),
    source LowCardinality(String),
    merchantId String,
    districtId LowCardinality(String),
    deadline Nullable(DateTime64(3, 'UTC')),
    verifiedHow LowCardinality(String),
    reason String,
    escalatedAuto UInt8,
    lastEventId String,
    updatedAt DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(updatedAt)
ORDER BY (id, version);

CREATE MATERIALIZED VIEW IF NOT EXISTS alert_history_mv TO alert_history AS
SELECT id, rule, severity, status, category, source, merchantId, districtId, deadline, verifiedHow,
       reason, escalatedAuto, lastEventId, updatedAt, version
FROM alerts;
