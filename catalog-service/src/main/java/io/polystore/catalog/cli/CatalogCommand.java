package io.polystore.catalog.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.catalog.product.ProductRepository;
import io.polystore.catalog.stats.CatalogStats;
import io.polystore.catalog.transfer.CatalogExporter;
import io.polystore.catalog.transfer.CatalogFile;
import io.polystore.catalog.transfer.CatalogGenerator;
import io.polystore.catalog.transfer.CatalogImporter;
import io.polystore.catalog.transfer.ImportReport;
import io.polystore.catalog.transfer.LineError;
import io.polystore.ops.CliException;
import io.polystore.ops.ExitCodes;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "catalog", description = "The catalog's data: import, export, delete, wipe, generate, stats.", synopsisSubcommandLabel = "COMMAND", subcommands = {
        CatalogCommand.Import.class, CatalogCommand.Export.class, CatalogCommand.Delete.class,
        CatalogCommand.Wipe.class, CatalogCommand.Generate.class, CatalogCommand.Stats.class})
public class CatalogCommand {

    /** Errors printed as text; --json carries them all (up to 1,000). */
    static final int ERRORS_SHOWN = 50;
    static final int EXPORT_PAGE = 1000;
    static final int WIPE_BATCH = 10_000;

    public record Exported(Path file, long products, long compatibilities) {
    }

    public record Deleted(String gin, long relationshipsDeleted) {
    }

    public record Wiped(long productsDeleted) {
    }

    public record Generated(Path file, long seed, long products, long compatibilities) {
    }

    @Command(name = "import", description = {
            "Import a catalog file: JSON lines, one product or one compatibility per line (the format 'export' "
                    + "writes; see the README). Every line is checked first, against the file and the catalog; with "
                    + "any error nothing is written and each error names its line (exit code 2).",
            "Products are upserted by GIN and relationships by their two ends, in batches (CATALOG_IMPORT_BATCH_SIZE): "
                    + "importing a file twice changes no counts."})
    static class Import extends OpsCommand {

        @Parameters(index = "0", paramLabel = "FILE", description = "The JSON lines file.")
        Path file;

        @Option(names = "--dry-run", description = "Check everything, write nothing.")
        boolean dryRun;

        private final CatalogImporter importer;

        Import(CatalogImporter importer, ObjectMapper mapper) {
            super(mapper);
            this.importer = importer;
        }

        @Override
        protected void execute() {
            CatalogFile catalog;
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                catalog = CatalogFile.read(reader);
            } catch (NoSuchFileException e) {
                throw CliException.notFound("no such file: " + file);
            } catch (IOException e) {
                throw CliException.usage("cannot read " + file + ": " + e.getMessage());
            }
            ImportReport report = await(() -> importer.load(catalog, dryRun));
            print(report, out -> {
                report.errors().stream().limit(ERRORS_SHOWN).map(LineError::toString).forEach(out::println);
                if (report.errorCount() > ERRORS_SHOWN) {
                    out.printf(Locale.ROOT, "... and %d more errors (--json lists up to 1000)%n",
                            report.errorCount() - ERRORS_SHOWN);
                }
                if (report.errorCount() == 0) {
                    out.printf(Locale.ROOT, "%s %d products and %d compatibilities from %s%s%n",
                            dryRun ? "Would import" : "Imported", report.products(), report.compatibilities(), file,
                            dryRun
                                    ? " (dry run: nothing written)"
                                    : String.format(Locale.ROOT, " (%d products and %d relationships new)",
                                            report.productsCreated(), report.relationshipsCreated()));
                }
            });
            if (report.errorCount() > 0) {
                throw CliException.usage(report.errorCount() + " error(s) in " + file + "; nothing was imported");
            }
        }
    }

    @Command(name = "export", description = {
            "Write the whole catalog as JSON lines, the format 'import' reads: each product followed by its "
                    + "compatibilities, in GIN order, with their timestamps. Export, wipe, import gives back the "
                    + "same products and relationships."})
    static class Export extends OpsCommand {

        @Option(names = "--output", paramLabel = "FILE", required = true, description = "The file to write (replaced if it exists).")
        Path output;

        private final CatalogExporter exporter;

        Export(CatalogExporter exporter, ObjectMapper mapper) {
            super(mapper);
            this.exporter = exporter;
        }

        @Override
        protected void execute() {
            long products = 0;
            long compatibilities = 0;
            try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                String after = "";
                while (after != null) {
                    String from = after;
                    CatalogExporter.Page page = await(() -> exporter.page(from, EXPORT_PAGE));
                    for (String line : page.lines()) {
                        writer.write(line);
                        writer.write('\n');
                    }
                    products += page.products();
                    compatibilities += page.compatibilities();
                    after = page.lastGin();
                }
            } catch (IOException e) {
                throw CliException.usage("cannot write " + output + ": " + e.getMessage());
            }
            Exported exported = new Exported(output, products, compatibilities);
            print(exported, out -> out.printf(Locale.ROOT, "Exported %d products and %d compatibilities to %s%n",
                    exported.products(), exported.compatibilities(), output));
        }
    }

    @Command(name = "delete", description = {
            "Delete a product. Refused while it has compatibility relationships (exit code 4) unless --detach, which "
                    + "deletes them with it."})
    static class Delete extends OpsCommand {

        @Parameters(index = "0", paramLabel = "GIN", description = "The product's GIN.")
        String gin;

        @Option(names = "--detach", description = "Delete its compatibility relationships too.")
        boolean detach;

        private final ProductRepository products;

        Delete(ProductRepository products, ObjectMapper mapper) {
            super(mapper);
            this.products = products;
        }

        @Override
        protected void execute() {
            ProductRepository.Deletion deletion = await(() -> products.delete(gin, detach));
            if (!deletion.found()) {
                throw CliException.notFound("no product with GIN " + gin);
            }
            if (!deletion.deleted()) {
                throw new CliException(ExitCodes.CONFLICT, "product " + gin + " has " + deletion.relationships()
                        + " compatibility relationship(s); nothing deleted (--detach deletes them with it)");
            }
            Deleted deleted = new Deleted(gin, deletion.relationships());
            print(deleted, out -> out.printf(Locale.ROOT, "Deleted product %s%s%n", gin,
                    deletion.relationships() == 0
                            ? ""
                            : " and its " + deletion.relationships() + " compatibility relationship(s)"));
        }
    }

    @Command(name = "wipe", description = {
            "Delete every product and relationship (the schema stays), in batches. Refused without --yes."})
    static class Wipe extends OpsCommand {

        @Option(names = "--yes", description = "Confirm that the whole catalog is to be deleted.")
        boolean yes;

        private final ProductRepository products;

        Wipe(ProductRepository products, ObjectMapper mapper) {
            super(mapper);
            this.products = products;
        }

        @Override
        protected void execute() {
            if (!yes) {
                throw CliException.refused("catalog wipe deletes every product and relationship; run it again with "
                        + "--yes");
            }
            long deleted = 0;
            int batch;
            do {
                batch = await(() -> products.deleteSome(WIPE_BATCH));
                deleted += batch;
            } while (batch > 0);
            Wiped wiped = new Wiped(deleted);
            print(wiped, out -> out.printf(Locale.ROOT, "Deleted %d products and their relationships%n",
                    wiped.productsDeleted()));
        }
    }

    @Command(name = "generate", description = {
            "Write a synthetic catalog file for benchmarks: the same file for the same --seed and --products. About "
                    + "5.3 compatibilities per product; import it with 'catalog import'. The committed sample catalog "
                    + "is --products 360 --seed 20261130."})
    static class Generate extends OpsCommand {

        @Option(names = "--products", paramLabel = "N", required = true, description = "How many products (2 to 2000000).")
        int products;

        @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--output", paramLabel = "FILE", required = true, description = "The file to write (replaced if it exists).")
        Path output;

        Generate(ObjectMapper mapper) {
            super(mapper);
        }

        @Override
        protected void execute() {
            if (products < 2 || products > 2_000_000) {
                throw CliException.usage("--products must be from 2 to 2000000");
            }
            long[] counts;
            try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                counts = new CatalogGenerator(seed, products).write(line -> {
                    try {
                        writer.write(line);
                        writer.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                throw CliException.usage("cannot write " + output + ": " + e.getMessage());
            }
            Generated generated = new Generated(output, seed, counts[0], counts[1]);
            print(generated, out -> out.printf(Locale.ROOT, "Wrote %d products and %d compatibilities to %s%n",
                    generated.products(), generated.compatibilities(), output));
        }
    }

    @Command(name = "stats", description = "Count products by type label and relationships by type.")
    static class Stats extends OpsCommand {

        private final CatalogStats stats;

        Stats(CatalogStats stats, ObjectMapper mapper) {
            super(mapper);
            this.stats = stats;
        }

        @Override
        protected void execute() {
            CatalogStats.Counts counts = await(stats::counts);
            print(counts, out -> {
                Table table = new Table("KIND", "NAME", "COUNT");
                counts.nodes().forEach((label, count) -> table.row("nodes", label, count));
                counts.relationships().forEach((type, count) -> table.row("relationships", type, count));
                table.print(out, "No counts.");
            });
        }
    }
}
