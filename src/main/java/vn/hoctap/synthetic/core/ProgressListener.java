package vn.hoctap.synthetic.core;

/** Receives progress while persons are written (called from the generating thread). */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param personsWritten persons written so far
     * @param personsTotal   persons to write in all
     */
    void progress(long personsWritten, long personsTotal);

    /** A listener that ignores everything. */
    ProgressListener NONE = (done, total) -> { };
}
