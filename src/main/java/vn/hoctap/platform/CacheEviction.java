package vn.hoctap.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Eviction of an in-memory cache (Caffeine) by the write that makes it stale: at once, and again when the writing
 * transaction has ended, so that a reader that loaded the old rows while the write was in flight does not keep them.
 * A Caffeine {@code invalidate} waits for a load of the same key that is running and then drops its value.
 */
public final class CacheEviction {

    private CacheEviction() {}

    /** Runs {@code evict} now and, inside a transaction, once more after it completes (committed or rolled back). */
    public static void nowAndAfterCompletion(Runnable evict) {
        evict.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict.run();
                }
            });
        }
    }
}
