package org.hostarea.billing.spi;

/** A provider callback that is not authentic or not understood: answered 400, nothing recorded. */
public class CallbackRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CallbackRejectedException(String message) {
        super(message);
    }
}
