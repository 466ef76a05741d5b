package io.tinymlaas.kernel.eval;

/** Work in a cell that stops by itself when asked (a fit between batches, a magic between steps). */
public interface PoliteStop {

    /** Asks such work to stop; true when some was running to hear it. */
    boolean request();

    /**
     * True while work that was asked has not yet heard it. Work that heard ends by itself: the cell
     * goes on after it.
     */
    boolean pending();

    PoliteStop NONE = new PoliteStop() {
        @Override
        public boolean request() {
            return false;
        }

        @Override
        public boolean pending() {
            return false;
        }
    };
}
