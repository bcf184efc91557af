package io.polystore.payment.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.OpsCommand;
import io.polystore.payment.cache.CacheAdmin;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "cache", description = "The payments cache in Redis (keys under payment:).", synopsisSubcommandLabel = "COMMAND", subcommands = {
        CacheCommand.Stats.class, CacheCommand.Flush.class})
public class CacheCommand {

    @Command(name = "stats", description = "How many payment: keys Redis holds, and Redis' own hit/miss counters (server-wide).")
    static class Stats extends OpsCommand {

        private final CacheAdmin cache;

        Stats(CacheAdmin cache, ObjectMapper mapper) {
            super(mapper);
            this.cache = cache;
        }

        @Override
        protected void execute() {
            CacheAdmin.Stats stats = await(cache::stats);
            print(stats, out -> {
                out.println("payment: keys: " + stats.keys());
                stats.server().forEach((name, value) -> out.println(name + ": " + value));
            });
        }
    }

    @Command(name = "flush", description = "Delete every payment: key (never any other key of the Redis). Reads refill the cache from MySQL.")
    static class Flush extends OpsCommand {

        private final CacheAdmin cache;

        Flush(CacheAdmin cache, ObjectMapper mapper) {
            super(mapper);
            this.cache = cache;
        }

        @Override
        protected void execute() {
            long deleted = await(cache::flush);
            print(Map.of("deleted", deleted), out -> out.println("Deleted " + deleted + " payment: key(s)"));
        }
    }
}
