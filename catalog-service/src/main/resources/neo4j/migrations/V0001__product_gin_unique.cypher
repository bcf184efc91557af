// Every product node carries :Product and the label of its category (:PowerSource, :Feeder, :Cooler,
// :Interconnector, :Torch, :Accessory). The GIN (Global Item Number) identifies a product across all categories.
CREATE CONSTRAINT product_gin_unique IF NOT EXISTS FOR (p:Product) REQUIRE p.gin IS UNIQUE;

CREATE RANGE INDEX product_name IF NOT EXISTS FOR (p:Product) ON (p.name);
