package io.tinymlaas.kernel.display;

/** Where {@link Notebook}'s displays go: the kernel's iopub channel, or stdout outside a notebook. */
public interface DisplaySink {

    void display(Object value, String displayId);

    void update(String displayId, Object value);

    void clear();

    /** Outside a notebook (e.g. in plain JShell) a display prints its text. */
    DisplaySink PRINT = new DisplaySink() {
        @Override
        public void display(Object value, String displayId) {
            System.out.println(value);
        }

        @Override
        public void update(String displayId, Object value) {
            System.out.println(value);
        }

        @Override
        public void clear() {
        }
    };
}
