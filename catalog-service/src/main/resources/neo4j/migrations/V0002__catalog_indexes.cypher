// The catalog's search and filter indexes (issue 11). Names follow the seed's init script where it had one.

// Full-text search on names and descriptions of every product type (GET /api/catalog/search).
CREATE FULLTEXT INDEX product_name_fulltext IF NOT EXISTS
FOR (n:PowerSource|Feeder|Cooler|Interconnector|Torch|Accessory) ON EACH [n.name, n.description];

// Filters of the product list and the package builder. Measures are indexed by their numeric copies
// (current_output_a, amperage_a), written at import: the seed's text ("500 A") cannot answer ">= 400".
CREATE RANGE INDEX power_source_process IF NOT EXISTS FOR (n:PowerSource) ON (n.process);
CREATE RANGE INDEX power_source_current IF NOT EXISTS FOR (n:PowerSource) ON (n.current_output_a);
CREATE RANGE INDEX power_source_cooling IF NOT EXISTS FOR (n:PowerSource) ON (n.cooling);
CREATE RANGE INDEX feeder_cooling_type IF NOT EXISTS FOR (n:Feeder) ON (n.cooling_type);
CREATE RANGE INDEX torch_amperage IF NOT EXISTS FOR (n:Torch) ON (n.amperage_a);
CREATE RANGE INDEX torch_cooling IF NOT EXISTS FOR (n:Torch) ON (n.cooling);
CREATE RANGE INDEX accessory_category IF NOT EXISTS FOR (n:Accessory) ON (n.category);

// Compatibility lookups by type (certified / compatible).
CREATE RANGE INDEX compatible_with_index IF NOT EXISTS FOR ()-[r:COMPATIBLE_WITH]-() ON (r.compatibility_type);

// The sample catalog's import marker: MERGE on a unique key, so two instances starting at once cannot both claim it.
CREATE CONSTRAINT catalog_sample_name_unique IF NOT EXISTS FOR (m:__CatalogSample) REQUIRE m.name IS UNIQUE;
