package org.hostarea.packages;

/**
 * One resource of a package: its limit from the plan ({@code null}: unlimited) and the last recorded usage.
 */
public record Resource(String name, Long limit, long used) {

    public boolean exceeded() {
        return limit != null && used > limit;
    }
}
