-- Risk grades over time (issue 5): a row each time a merchant's score, grade or settings version
-- changes, with the factors that explain it and the settings version that produced it. The same
-- (merchant, instant) written twice after a crash is one row.
CREATE TABLE IF NOT EXISTS risk_scores
(
    merchantId String,
    districtId LowCardinality(String),
    score Float32,
    grade LowCardinality(String),
    staticScore Float32,
    settingsVersion UInt32,
    -- The factor breakdown as JSON (riskResult's factors): read whole, never filtered on.
    factors String,
    -- What made it rescore: an event, the clock (decay, a new day's books) or new settings.
    cause LowCardinality(String),
    scoredAt DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(scoredAt)
ORDER BY (merchantId, scoredAt);

-- The newest score per merchant: what the registry filters and sorts by.
CREATE TABLE IF NOT EXISTS risk_current
(
    merchantId String,
    districtId LowCardinality(String),
    score Float32,
    grade LowCardinality(String),
    settingsVersion UInt32,
    scoredAt DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(scoredAt)
ORDER BY merchantId;

CREATE MATERIALIZED VIEW IF NOT EXISTS risk_current_mv TO risk_current AS
SELECT merchantId, districtId, score, grade, settingsVersion, scoredAt FROM risk_scores;
