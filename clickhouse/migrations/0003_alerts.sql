-- Alerts by their deterministic id (<rule>:<merchantId>:<period>): raising the same alert twice
-- writes the same key, and the lifecycle (issue 5) appends newer versions.
CREATE TABLE IF NOT EXISTS alerts
(
    id String,
    rule LowCardinality(String),
    severity LowCardinality(String),
    status LowCardinality(String),
    merchantId String,
    districtId LowCardinality(String),
    merchantName String,
    facts String,
    evidence Array(String),
    raisedAt DateTime64(3, 'UTC'),
    updatedAt DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY id;
