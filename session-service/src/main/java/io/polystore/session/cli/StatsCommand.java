package io.polystore.session.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.OpsCommand;
import io.polystore.session.archive.Sweeper;
import io.polystore.session.session.SessionStore;
import io.polystore.session.session.SessionTimes;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "stats", description = "Sessions in Redis, how many are due for archiving and the oldest one's wait, Redis keys and memory.")
public class StatsCommand extends OpsCommand {

    /**
     * @param sessions
     *            sessions in Redis (active, or ended and waiting for the archive)
     * @param dueForArchiving
     *            of those, past their archive deadline
     * @param oldestDueSeconds
     *            how long the oldest of those has waited
     * @param keys
     *            keys in the Redis database (every service's, on a shared server)
     */
    public record Stats(long sessions, long dueForArchiving, long oldestDueSeconds, long keys, String usedMemory,
            String maxMemory, String maxMemoryPolicy) {
    }

    private final SessionStore store;
    private final SessionTimes times;
    private final Sweeper sweeper;

    StatsCommand(SessionStore store, SessionTimes times, Sweeper sweeper, ObjectMapper mapper) {
        super(mapper);
        this.store = store;
        this.times = times;
        this.sweeper = sweeper;
    }

    @Override
    protected void execute() {
        Map<String, String> memory = await(() -> store.info("memory"));
        Stats stats = new Stats(await(store::countAll), await(() -> store.countDue(times.now())),
                await(sweeper::measureOldestDue).toSeconds(), await(store::databaseSize),
                memory.getOrDefault("used_memory_human", "?"), memory.getOrDefault("maxmemory_human", "?"),
                memory.getOrDefault("maxmemory_policy", "?"));
        print(stats, out -> {
            out.println("Sessions in Redis:      " + stats.sessions());
            out.println("Due for archiving:      " + stats.dueForArchiving() + " (oldest waiting "
                    + stats.oldestDueSeconds() + " s)");
            out.println("Keys in the database:   " + stats.keys());
            out.println("Memory used / max:      " + stats.usedMemory() + " / " + stats.maxMemory()
                    + " (policy " + stats.maxMemoryPolicy() + ")");
        });
    }
}
