package org.hostarea.packages;

/** An application to install: its name from the offered list, an optional version and the path. */
public record AppInput(String name, String version, String path) {
}
