-- Every object in the open database's own catalog as (jenis, nama, rincian), for comparing a restored backup with
-- a freshly migrated database (issue 24 M2): schemas, tables, views with their SQL, columns with type, position,
-- nullability and default, constraints, sequences, indexes, macros and types. Built-ins live in the `system`
-- database and are left out by the database filter; nothing here reads a row of data. A sequence's start value is
-- left out: DuckDB stores a used sequence with its current value as the start. A constraint is named by its table
-- and told apart by its text and columns, not by constraint_index: that runs over every table of the database, so
-- one table more or less renumbered every constraint listed after it and a refusal named hundreds.
SELECT 'skema' AS jenis, schema_name AS nama, '' AS rincian
FROM duckdb_schemas() WHERE database_name = current_database()
UNION ALL
SELECT 'tabel', schema_name || '.' || table_name, ''
FROM duckdb_tables() WHERE database_name = current_database()
UNION ALL
SELECT 'view', schema_name || '.' || view_name, coalesce(sql, '')
FROM duckdb_views() WHERE database_name = current_database()
UNION ALL
SELECT 'kolom', schema_name || '.' || table_name || '.' || column_name,
    data_type || ' #' || column_index || CASE WHEN is_nullable THEN '' ELSE ' NOT NULL' END
    || coalesce(' DEFAULT ' || column_default, '') || coalesce(' AS ' || generation_expression, '')
FROM duckdb_columns() WHERE database_name = current_database()
UNION ALL
SELECT 'batasan', schema_name || '.' || table_name,
    constraint_type || ' ' || coalesce(constraint_text, '') || ' (' || array_to_string(constraint_column_names, ', ')
    || ')'
FROM duckdb_constraints() WHERE database_name = current_database()
UNION ALL
SELECT 'sequence', schema_name || '.' || sequence_name,
    min_value || ' ' || max_value || ' ' || increment_by || ' ' || cycle
FROM duckdb_sequences() WHERE database_name = current_database()
UNION ALL
SELECT 'indeks', schema_name || '.' || index_name, coalesce(sql, '')
FROM duckdb_indexes() WHERE database_name = current_database()
UNION ALL
SELECT 'makro', schema_name || '.' || function_name, function_type || ' ' || coalesce(macro_definition, '')
FROM duckdb_functions() WHERE database_name = current_database()
UNION ALL
SELECT 'tipe', schema_name || '.' || type_name, coalesce(logical_type, '')
FROM duckdb_types() WHERE database_name = current_database() AND NOT internal
