-- Events per district, family and minute, for trends and "today" counts after a restart.
CREATE TABLE IF NOT EXISTS events_per_minute
(
    minute DateTime('UTC'),
    districtId LowCardinality(String),
    family LowCardinality(String),
    events SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (districtId, family, minute);

CREATE MATERIALIZED VIEW IF NOT EXISTS events_per_minute_mv TO events_per_minute AS
SELECT
    toStartOfMinute(occurredAt) AS minute,
    districtId,
    family,
    count() AS events
FROM events
GROUP BY minute, districtId, family;
