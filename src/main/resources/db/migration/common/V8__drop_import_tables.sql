-- The report tables an import kept beside its records (V7) are no longer written: the
-- reports aggregate the visible records themselves, and the import knows nothing of them.
DROP TABLE IF EXISTS import_tables;
