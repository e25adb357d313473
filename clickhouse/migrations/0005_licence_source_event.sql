-- The event that last set a licence's dates: the evidence of a licence_expired alert raised by
-- the clock after a restart.
ALTER TABLE licences ADD COLUMN IF NOT EXISTS sourceEventId String DEFAULT '';
