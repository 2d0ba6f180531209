package vn.hoctap.register.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import vn.hoctap.standards.core.Person;

/**
 * Encodes persons of the register in COPY's binary form ({@link BinaryPersonRows}) and sends them to PostgreSQL on a
 * thread of its own, while the import's thread reads and checks the next lines of the file (issue 18, item 1): the
 * reading, the encoding and PostgreSQL's storing then run side by side instead of one after the other on one thread.
 * Persons are handed over in batches through a short queue, so at most a few thousand are held at once. Only this
 * thread writes to the COPY until {@link #finish} returns; a failure here (PostgreSQL refusing the data, a value out
 * of range) stops the reader at its next person with the same exception.
 */
final class PersonSender {

    private static final int BATCH = 2048;

    private static final class Batch {
        final int[] years = new int[BATCH];
        final Person[] persons = new Person[BATCH];
        int size;
    }

    private static final Batch END = new Batch();

    private final OutputStream out;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile RuntimeException failure;
    private volatile boolean cancelled;
    private Batch filling = new Batch();

    PersonSender(OutputStream out) {
        this.out = out;
        this.thread = new Thread(this::run, "register-copy");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Hands one person over (caller's thread); throws what stopped the sender, if it stopped. */
    void add(int year, Person p) {
        Batch b = filling;
        b.years[b.size] = year;
        b.persons[b.size] = p;
        if (++b.size == BATCH) {
            hand(b);
            filling = new Batch();
        }
    }

    /** Sends what is left and waits until every person is written to the COPY (caller's thread). */
    void finish() {
        if (filling.size > 0) {
            hand(filling);
        }
        filling = new Batch();
        hand(END);
        join();
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    /** Stops the sender without waiting for what is queued (the COPY is abandoned). */
    void cancel() {
        cancelled = true;
        queue.clear();
        thread.interrupt();
        join();
    }

    private void hand(Batch b) {
        try {
            while (!queue.offer(b, 50, TimeUnit.MILLISECONDS)) {
                RuntimeException f = failure;
                if (f != null) {
                    throw f;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("register import interrupted", e);
        }
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("register import interrupted", e);
        }
    }

    private void run() {
        BinaryPersonRows rows = new BinaryPersonRows();
        try {
            while (!cancelled) {
                Batch b = queue.take();
                if (b == END) {
                    break;
                }
                for (int i = 0; i < b.size; i++) {
                    rows.add(b.years[i], b.persons[i]);
                }
                if (rows.length() >= 1 << 16) {
                    out.write(rows.bytes(), 0, rows.length());
                    rows.clear();
                }
            }
            if (!cancelled && rows.length() > 0) {
                out.write(rows.bytes(), 0, rows.length());
            }
        } catch (InterruptedException e) {
            // cancelled
        } catch (IOException e) {
            failure = new UncheckedIOException(e);
        } catch (RuntimeException e) {
            failure = e;
        }
    }
}
