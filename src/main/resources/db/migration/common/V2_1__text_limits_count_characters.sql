-- The SPEC's text limits count characters, and a character outside the Basic Multilingual
-- Plane (an emoji, say) takes two UTF-16 units, which is what VARCHAR lengths count. 200
-- characters may therefore need 400 units: without this, a valid agreement or capture
-- place of 200 such characters failed the whole import.
ALTER TABLE exchange_record ALTER COLUMN agreement SET DATA TYPE VARCHAR(400);
ALTER TABLE exchange_record ALTER COLUMN capture_place SET DATA TYPE VARCHAR(400);
