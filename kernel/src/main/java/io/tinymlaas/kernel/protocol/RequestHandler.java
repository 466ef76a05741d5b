package io.tinymlaas.kernel.protocol;

import io.tinymlaas.kernel.wire.RequestLoop.Replier;
import io.tinymlaas.kernel.wire.WireMessage;

/** Answers one kind of request. */
interface RequestHandler {

    void handle(WireMessage request, Replier replier) throws Exception;
}
