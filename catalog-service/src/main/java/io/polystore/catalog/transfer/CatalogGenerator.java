package io.polystore.catalog.transfer;

import io.polystore.catalog.compatibility.Compatibility;
import io.polystore.catalog.compatibility.CompatibilityType;
import io.polystore.catalog.product.Product;
import io.polystore.catalog.product.ProductType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A synthetic welding catalog in the import format, the same for the same seed and size: for benchmarks
 * ({@code catalog generate}) and for the committed sample catalog ({@link SampleCatalog#SEED},
 * {@link SampleCatalog#PRODUCTS}). Product lines first, then compatibility lines. Every name is invented here; nothing
 * is copied from a vendor. The seed system's two examples are always in it: power source {@code 0446200880} "Aristo
 * 500ix" (MIG (GMAW), 500 A, water-cooled) and feeder {@code 0460460001} "RobustFeed", certified with it.
 *
 * <p>
 * Shape: 12% power sources, 14% feeders, 8% coolers, 16% interconnectors, 25% torches, 25% accessories; each component
 * compatible with 3 to 9 power sources it suits (feeders and interconnectors with those that take a wire feeder,
 * coolers with water-cooled ones without an integrated cooler, torches with power sources of their process), about 5.3
 * relationships per product. Then every power source gets each component its package needs, except every 25th, which is
 * left without a torch so that the package builder has incomplete power sources to leave out.
 */
public final class CatalogGenerator {

    public static final String ARISTO_GIN = "0446200880";
    public static final String ROBUSTFEED_GIN = "0460460001";

    private static final String MIG = "MIG (GMAW)";
    private static final String TIG = "TIG (GTAW)";
    private static final String MMA = "MMA (SMAW)";
    private static final String MULTI = "Multi-process";
    private static final String WATER = "Water-cooled";
    private static final String AIR = "Air-cooled";
    private static final String[] PROCESSES = {MIG, MIG, MULTI, TIG, MMA};
    private static final String[] POWER_SOURCE_SERIES = {"Voltara", "Arcline", "Forgemaster", "Steelhawk",
            "Ironbridge", "Tempra", "Kestrel", "Brightarc", "Northmelt", "Castellan", "Oakfield", "Meridian"};
    private static final String[] POWER_SOURCE_SUFFIXES = {"i", "ix", "c", "s", " Pro", " Pulse"};
    private static final String[] MATERIALS = {"Steel, stainless, aluminium", "Steel", "Steel, stainless",
            "Aluminium", "Steel, cast iron"};
    private static final String[] FEEDER_SERIES = {"SpoolMaster", "WireLine", "TrackFeed", "FeedForge", "Wirestream",
            "DriveLine"};
    private static final String[] FEEDER_VARIANTS = {"Pro", "Compact", "4W", "Twin", "HD", "Yard"};
    private static final String[] WIRE_DIAMETERS = {"0.8mm - 1.2mm", "1.0mm - 1.6mm", "1.2mm - 1.6mm",
            "1.2mm - 2.4mm"};
    private static final String[] MOTORS = {"2-roll drive", "4-roll drive"};
    private static final String[] COOLER_SERIES = {"CoolFlow", "ChillCore", "AquaLoop", "Frostline"};
    private static final String[] CABLE_LENGTHS = {"1.7 m", "2 m", "5 m", "10 m", "15 m", "25 m", "35 m"};
    private static final String[] CABLE_SECTIONS = {"50", "70", "95"};
    private static final String[] MIG_TORCHES = {"FlameLine MXL", "Emberjet M", "Torchwright G"};
    private static final String[] TIG_TORCHES = {"TIGStar", "Needlepoint T", "Quartzarc"};
    private static final String[] ELECTRODE_HOLDERS = {"StickGrip", "RodMaster"};
    private static final Map<String, String[]> ACCESSORIES = new LinkedHashMap<>();

    static {
        ACCESSORIES.put("Remote control", new String[]{"RC-%d Remote", "HandyDial %d"});
        ACCESSORIES.put("Trolley", new String[]{"CartMate %d", "ShopRover %d"});
        ACCESSORIES.put("Wire spool adapter", new String[]{"SpoolAdapt %d"});
        ACCESSORIES.put("Gas regulator", new String[]{"FlowSure %d Regulator"});
        ACCESSORIES.put("Return cable", new String[]{"EarthLink %d Return Cable"});
        ACCESSORIES.put("Gas hose", new String[]{"GasLine %d Hose"});
        ACCESSORIES.put("Contact tips", new String[]{"TipPack %d"});
    }

    private static final String[] CERTIFIED_NOTES = {"Certified together for continuous duty.",
            "Factory-tested combination.", null};
    private static final String[] COMPATIBLE_NOTES = {"Works with a firmware update of the power source.",
            "Needs an adapter kit.", null, null};

    /** One power source as the compatibility rules see it. */
    private record PowerSource(int index, String gin, String process, boolean water, boolean integratedCooler,
            boolean feederRequired) {
    }

    /**
     * One component: its type and the power sources it suits; components of one group suit the same ones (the group
     * keys the caches that keep generating 100,000 products fast).
     */
    private record Component(String gin, ProductType type, String group, Predicate<PowerSource> suits) {
    }

    private final Random random;
    private final int total;
    private final List<PowerSource> powerSources = new ArrayList<>();
    private final List<Component> components = new ArrayList<>();

    public CatalogGenerator(long seed, int products) {
        if (products < 2) {
            throw new IllegalArgumentException("a generated catalog has at least 2 products");
        }
        this.random = new Random(seed);
        this.total = products;
    }

    /** Writes every line, products first; returns {products, compatibilities}. */
    public long[] write(Consumer<String> lines) {
        Map<ProductType, Integer> counts = counts();
        for (ProductType type : ProductType.values()) {
            for (int i = 0; i < counts.get(type); i++) {
                lines.accept(CatalogLines.format(product(type, i)));
            }
        }
        long relationships = compatibilities(lines);
        return new long[]{total, relationships};
    }

    private Map<ProductType, Integer> counts() {
        Map<ProductType, Integer> counts = new EnumMap<>(ProductType.class);
        int[] percent = {12, 14, 8, 16, 25, 25};
        int assigned = 0;
        for (ProductType type : ProductType.values()) {
            int count = Math.max(1, total * percent[type.ordinal()] / 100);
            counts.put(type, count);
            assigned += count;
        }
        counts.merge(ProductType.ACCESSORY, total - assigned, Integer::sum);
        return counts;
    }

    private Product product(ProductType type, int index) {
        String gin = gin(type, index);
        return switch (type) {
            case POWER_SOURCE -> powerSource(gin, index);
            case FEEDER -> feeder(gin, index);
            case COOLER -> cooler(gin);
            case INTERCONNECTOR -> interconnector(gin);
            case TORCH -> torch(gin);
            case ACCESSORY -> accessory(gin);
        };
    }

    /** Ten digits: 04, the type (1-6), seven digits of index; the seed's two GINs for the first of their types. */
    private static String gin(ProductType type, int index) {
        if (index == 0 && type == ProductType.POWER_SOURCE) {
            return ARISTO_GIN;
        }
        if (index == 0 && type == ProductType.FEEDER) {
            return ROBUSTFEED_GIN;
        }
        String gin = String.format(Locale.ROOT, "04%d%07d", type.ordinal() + 1, index);
        return gin.equals(ARISTO_GIN) || gin.equals(ROBUSTFEED_GIN) ? gin.replace("04", "05") : gin;
    }

    private Product powerSource(String gin, int index) {
        Map<String, Object> values = new LinkedHashMap<>();
        String process;
        int current;
        boolean water;
        String name;
        String material;
        if (index == 0) {
            process = MIG;
            current = 500;
            water = true;
            name = "Aristo 500ix";
            material = MATERIALS[0];
        } else {
            process = pick(PROCESSES);
            current = switch (process) {
                case MIG -> 250 + 50 * random.nextInt(8);
                case MULTI -> 300 + 50 * random.nextInt(5);
                default -> 160 + 20 * random.nextInt(13);
            };
            water = current >= 400 ? random.nextInt(10) < 8 : random.nextInt(10) < 2;
            name = pick(POWER_SOURCE_SERIES) + " " + current + pick(POWER_SOURCE_SUFFIXES);
            material = pick(MATERIALS);
        }
        boolean integratedCooler = index != 0 && water && random.nextInt(10) < 3;
        boolean feederRequired = MIG.equals(process) || MULTI.equals(process);
        values.put("process", process);
        values.put("current_output", current + " A");
        values.put("material", material);
        values.put("cooling", water ? WATER : AIR);
        values.put("duty_cycle", index == 0 || random.nextBoolean()
                ? "100% @ " + current + "A"
                : "60% @ " + current + "A");
        values.put("integrated_cooler", integratedCooler);
        values.put("feeder_required", feederRequired);
        powerSources.add(new PowerSource(index, gin, process, water, integratedCooler, feederRequired));
        String description = process + " power source, " + current + " A, " + (water ? "water" : "air") + "-cooled"
                + (integratedCooler ? " with an integrated cooler" : "") + "; for " + material.toLowerCase(Locale.ROOT)
                + ".";
        return new Product(gin, name, ProductType.POWER_SOURCE, description, values, null, null);
    }

    private Product feeder(String gin, int index) {
        Map<String, Object> values = new LinkedHashMap<>();
        boolean water = index == 0 || random.nextBoolean();
        values.put("cooling_type", water ? WATER : AIR);
        values.put("wire_diameter", index == 0 ? "1.2mm - 1.6mm" : pick(WIRE_DIAMETERS));
        values.put("motor_type", index == 0 ? "4-roll drive" : pick(MOTORS));
        String name = index == 0 ? "RobustFeed" : pick(FEEDER_SERIES) + " " + pick(FEEDER_VARIANTS);
        components.add(new Component(gin, ProductType.FEEDER, "feeder", PowerSource::feederRequired));
        return new Product(gin, name, ProductType.FEEDER,
                "Wire feeder, " + values.get("motor_type") + ", wire " + values.get("wire_diameter") + ".", values,
                null, null);
    }

    private Product cooler(String gin) {
        String capacity = (8 + random.nextInt(18)) / 10.0 + " kW";
        components.add(new Component(gin, ProductType.COOLER, "cooler",
                ps -> ps.water() && !ps.integratedCooler()));
        return new Product(gin, pick(COOLER_SERIES) + " " + capacity.replace(" kW", ""), ProductType.COOLER,
                "Water cooling unit, " + capacity + " cooling capacity.", Map.of("cooling_capacity", capacity), null,
                null);
    }

    private Product interconnector(String gin) {
        String length = pick(CABLE_LENGTHS);
        boolean water = random.nextBoolean();
        components.add(new Component(gin, ProductType.INTERCONNECTOR, "interconnector",
                PowerSource::feederRequired));
        return new Product(gin, "ArcLink " + pick(CABLE_SECTIONS) + " mm² " + length + (water ? " W" : " A"),
                ProductType.INTERCONNECTOR,
                "Interconnection cable set between power source and feeder, " + length + ", "
                        + (water ? "with water hoses" : "air-cooled") + ".",
                Map.of("cable_length", length), null, null);
    }

    private Product torch(String gin) {
        int kind = random.nextInt(5);
        boolean water = random.nextBoolean();
        Map<String, Object> values = new LinkedHashMap<>();
        String name;
        Predicate<PowerSource> suits;
        int amperage;
        if (kind < 3) {
            amperage = 250 + 50 * random.nextInt(7);
            name = pick(MIG_TORCHES) + " " + amperage + (water ? "W" : "");
            suits = ps -> MIG.equals(ps.process()) || MULTI.equals(ps.process());
        } else if (kind == 3) {
            amperage = 150 + 50 * random.nextInt(5);
            name = pick(TIG_TORCHES) + " " + amperage + (water ? "W" : "V");
            suits = ps -> TIG.equals(ps.process());
        } else {
            amperage = 200 + 50 * random.nextInt(5);
            water = false;
            name = pick(ELECTRODE_HOLDERS) + " " + amperage;
            suits = ps -> MMA.equals(ps.process()) || MULTI.equals(ps.process());
        }
        values.put("amperage", amperage + " A");
        values.put("cooling", water ? WATER : AIR);
        components.add(new Component(gin, ProductType.TORCH, "torch" + Math.min(kind, 3), suits));
        return new Product(gin, name, ProductType.TORCH,
                (kind < 3 ? "MIG torch" : kind == 3 ? "TIG torch" : "Electrode holder") + ", " + amperage + " A, "
                        + (water ? "water" : "air") + "-cooled.",
                values, null, null);
    }

    private Product accessory(String gin) {
        List<String> categories = new ArrayList<>(ACCESSORIES.keySet());
        String category = categories.get(random.nextInt(categories.size()));
        String name = String.format(Locale.ROOT, pick(ACCESSORIES.get(category)), 10 + random.nextInt(90));
        components.add(new Component(gin, ProductType.ACCESSORY, "accessory", ps -> true));
        return new Product(gin, name, ProductType.ACCESSORY, category + ".", Map.of("category", category), null,
                null);
    }

    private long compatibilities(Consumer<String> lines) {
        Set<String> pairs = new HashSet<>();
        Map<String, Set<ProductType>> linkedTypes = new HashMap<>();
        Map<String, List<PowerSource>> candidatesByGroup = new HashMap<>();
        Map<String, List<Component>> componentsByGroup = new LinkedHashMap<>();
        // Aristo 500ix and RobustFeed, certified, as in the seed
        long written = link(components.get(0), powerSources.get(0), pairs, linkedTypes, lines,
                CompatibilityType.CERTIFIED, "Certified pairing for heavy-duty MIG welding.");
        for (Component component : components) {
            componentsByGroup.computeIfAbsent(component.group(), g -> new ArrayList<>()).add(component);
            List<PowerSource> candidates = candidatesByGroup.computeIfAbsent(component.group(),
                    g -> powerSources.stream().filter(component.suits()).toList());
            if (candidates.isEmpty()) {
                continue;
            }
            int links = Math.min(candidates.size(), 3 + random.nextInt(7));
            for (int i = 0; i < links; i++) {
                written += link(component, candidates.get(random.nextInt(candidates.size())), pairs, linkedTypes,
                        lines);
            }
        }
        for (PowerSource ps : powerSources) {
            for (ProductType needed : needs(ps)) {
                if (needed == ProductType.TORCH && ps.index() % 25 == 24
                        || linkedTypes.getOrDefault(ps.gin(), Set.of()).contains(needed)) {
                    continue; // it has one, or is left incomplete on purpose
                }
                List<Component> fitting = componentsByGroup.values().stream()
                        .filter(group -> group.get(0).type() == needed && group.get(0).suits().test(ps))
                        .flatMap(List::stream).toList();
                if (!fitting.isEmpty()) {
                    written += link(fitting.get(random.nextInt(fitting.size())), ps, pairs, linkedTypes, lines);
                }
            }
        }
        return written;
    }

    private static List<ProductType> needs(PowerSource ps) {
        List<ProductType> needs = new ArrayList<>();
        if (ps.feederRequired()) {
            needs.add(ProductType.FEEDER);
            needs.add(ProductType.INTERCONNECTOR);
        }
        if (ps.water() && !ps.integratedCooler()) {
            needs.add(ProductType.COOLER);
        }
        needs.add(ProductType.TORCH);
        return needs;
    }

    private int link(Component component, PowerSource ps, Set<String> pairs, Map<String, Set<ProductType>> linked,
            Consumer<String> lines) {
        boolean certified = random.nextInt(10) < 4;
        return link(component, ps, pairs, linked, lines,
                certified ? CompatibilityType.CERTIFIED : CompatibilityType.COMPATIBLE,
                certified ? pick(CERTIFIED_NOTES) : pick(COMPATIBLE_NOTES));
    }

    private static int link(Component component, PowerSource ps, Set<String> pairs,
            Map<String, Set<ProductType>> linked, Consumer<String> lines, CompatibilityType type, String notes) {
        if (!pairs.add(component.gin() + ">" + ps.gin())) {
            return 0;
        }
        linked.computeIfAbsent(ps.gin(), gin -> EnumSet.noneOf(ProductType.class)).add(component.type());
        lines.accept(CatalogLines.format(new Compatibility(component.gin(), ps.gin(), type, notes, null)));
        return 1;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
