package org.hostarea.identity.internal.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.console.Session;
import org.hostarea.core.ValidationException;

/** Password prompts and error output shared by the Hostarea shell commands. */
final class ShellInput {

    private ShellInput() {
    }

    /**
     * Asks for a new password twice without echo on an interactive console; in a non-interactive session
     * (a script, {@code bin/client "..."} with input) reads one line from its input instead.
     */
    static String newPassword(Session session) throws IOException {
        if (session.getTerminal() == null) {
            BufferedReader in = new BufferedReader(new InputStreamReader(session.getKeyboard(), StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("no password given: use --password or type it when asked");
            }
            return line;
        }
        String first = session.readLine("Password: ", '*');
        String second = session.readLine("Repeat password: ", '*');
        if (first == null || !first.equals(second)) {
            throw new IllegalArgumentException("the two passwords differ");
        }
        return first;
    }

    /** A readable one-line message for the console from a validation failure. */
    static IllegalArgumentException explain(ValidationException e) {
        return new IllegalArgumentException(e.getMessage() + " " + e.errors().stream()
                .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
    }
}
