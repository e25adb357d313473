-- 投诉举报 (issue 8): one row per complaint.filed and per complaint.replied, keyed by the
-- complaint id (its tracking code). Read by folding the rows: the filed row gives the shop, the
-- category and the date; the newest reply gives the status and the public reply. A row written
-- twice (a redelivered event) folds to the same answer. No text, photos or contact here: those
-- stay in the event, for the bureau only.
CREATE TABLE IF NOT EXISTS complaint_log
(
    complaintId String,
    kind LowCardinality(String),
    merchantId String,
    districtId LowCardinality(String),
    category LowCardinality(String) DEFAULT '',
    status LowCardinality(String) DEFAULT '',
    publicReply String DEFAULT '',
    at DateTime64(3, 'UTC'),
    eventId String
)
ENGINE = ReplacingMergeTree
ORDER BY (complaintId, eventId);

-- The complaints already in the events table.
INSERT INTO complaint_log
SELECT JSONExtractString(payload, 'complaintId'), if(type = 'complaint.filed', 'filed', 'replied'),
       merchantId, districtId, JSONExtractString(payload, 'category'),
       JSONExtractString(payload, 'status'), JSONExtractString(payload, 'publicReply'),
       occurredAt, toString(id)
FROM events WHERE type IN ('complaint.filed', 'complaint.replied');
