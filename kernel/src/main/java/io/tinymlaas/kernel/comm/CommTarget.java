package io.tinymlaas.kernel.comm;

import com.google.gson.JsonObject;

/** What a comm target does when the front end opens a comm to it (e.g. attaches a pad to its view). */
public interface CommTarget {

    /**
     * The comm is open; {@code data} is what the front end sent with comm_open. Runs on the comms
     * thread. Throwing refuses the comm: it is closed again.
     */
    void opened(Comm comm, JsonObject data);
}
