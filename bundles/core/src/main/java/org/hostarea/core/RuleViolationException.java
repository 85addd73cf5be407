package org.hostarea.core;

/** The request is well formed but a business rule forbids it. Answers 422 Rule Violation. */
public class RuleViolationException extends DomainException {

    private static final long serialVersionUID = 1L;

    public RuleViolationException(String detail) {
        super("rule-violation", detail);
    }

    /** @param type a more specific stable slug than {@code rule-violation} */
    public RuleViolationException(String type, String detail) {
        super(type, detail);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "Rule Violation";
    }
}
