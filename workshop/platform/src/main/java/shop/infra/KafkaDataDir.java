package shop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where the embedded broker keeps its log: {@code ROOT/log}, locked through {@code ROOT/owner.lock} while a broker
 * of this machine uses it. The operating system releases the lock when its process dies, even by kill -9, so an
 * unlocked directory belongs to nobody.
 * <ul>
 *   <li>{@link #stable}: a directory that outlives the shop ({@code ./shop run --data DIR}); a restarted shop finds
 *       its topics, events and consumer offsets there again.</li>
 *   <li>{@link #temporary}: {@code shop-kafka-*} in the temp folder, deleted on close (tests, bench, chaos). Those
 *       of runs that died without closing are deleted by the next start.</li>
 * </ul>
 */
public final class KafkaDataDir implements AutoCloseable {
    public static final String TEMP_PREFIX = "shop-kafka-";
    private static final String LOCK = "owner.lock";
    /** Kafka's own lock in its log directory: a run of an older version has only this one. */
    private static final String KAFKA_LOCK = ".lock";
    /** A directory younger than this may be in the middle of being created: it is left alone. */
    private static final Duration GRACE = Duration.ofMinutes(2);
    /** Roots this JVM holds: never opened again here (closing a second handle would drop the JVM's own lock). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final boolean temporary;
    private final FileChannel lockFile;
    private final FileLock lock;

    private KafkaDataDir(Path root, boolean temporary, FileChannel lockFile, FileLock lock) {
        this.root = root;
        this.temporary = temporary;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /** A new directory in the temp folder, deleted on close; first deletes those that dead runs left behind. */
    public static KafkaDataDir temporary() {
        deleteDeadTemporaries();
        try {
            return claim(Files.createTempDirectory(TEMP_PREFIX), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory for Kafka", e);
        }
    }

    /**
     * A directory that outlives the broker, created if missing. Like {@link #temporary}, it first deletes the
     * temporary directories of dead runs.
     *
     * @param fresh delete the log first: the broker starts with no topics, no events and no offsets
     * @throws IllegalArgumentException if another shop on this machine uses it now
     */
    public static KafkaDataDir stable(Path root, boolean fresh) {
        deleteDeadTemporaries();
        Path absolute = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the data directory " + absolute + ": " + e.getMessage());
        }
        KafkaDataDir dir = claim(absolute, false);
        if (fresh) {
            delete(dir.log());
        }
        return dir;
    }

    /** Kafka's {@code log.dirs}. */
    public Path log() {
        return root.resolve("log");
    }

    public Path root() {
        return root;
    }

    public boolean isTemporary() {
        return temporary;
    }

    /** True once a broker has formatted the log: a restart must not format it again. */
    public boolean isFormatted() {
        return Files.exists(log().resolve("meta.properties"));
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockFile.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        } finally {
            HELD.remove(root);
        }
        if (temporary) {
            delete(root);
        }
    }

    private static KafkaDataDir claim(Path root, boolean temporary) {
        if (!HELD.add(root)) {
            throw inUse(root);
        }
        try {
            FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(root);
            }
            return new KafkaDataDir(root, temporary, channel, lock);
        } catch (IOException e) {
            HELD.remove(root);
            throw new UncheckedIOException("could not lock " + root.resolve(LOCK), e);
        } catch (RuntimeException e) {
            HELD.remove(root);
            throw e;
        }
    }

    private static IllegalArgumentException inUse(Path root) {
        return new IllegalArgumentException("the Kafka data directory " + root + " is in use by another shop on this "
                + "machine; stop that one, or give this one its own with --data DIR");
    }

    private static void deleteDeadTemporaries() {
        deleteDeadTemporaries(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Deletes the {@code shop-kafka-*} directories of runs that died: old enough, and no lock in them is held. */
    static void deleteDeadTemporaries(Path tempFolder) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tempFolder, TEMP_PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir) && !HELD.contains(dir.toAbsolutePath().normalize()) && isDead(dir)) {
                    delete(dir);
                }
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // another user's temp folder, or a race with another run cleaning up: nothing to do here
        }
    }

    private static boolean isDead(Path dir) throws IOException {
        if (Files.getLastModifiedTime(dir).toInstant().isAfter(Instant.now().minus(GRACE))) {
            return false;
        }
        for (Path lockPath : List.of(dir.resolve(LOCK), dir.resolve(KAFKA_LOCK), dir.resolve("log").resolve(KAFKA_LOCK))) {
            if (isHeld(lockPath)) {
                return false;
            }
        }
        return true;
    }

    /** True if a live process holds a lock on this file. */
    private static boolean isHeld(Path lockPath) {
        if (!Files.exists(lockPath)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this JVM holds it (a broker started by code that does not register in HELD)
        } catch (IOException e) {
            return true; // cannot tell: leave it
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // what is left is harmless, and a later start tries again
        }
    }
}
