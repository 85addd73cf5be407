package org.hostarea.identity.internal.rest;

/** {@code {"login": "...", "password": "..."}}: customer number or owner email (or staff username). */
public record LoginRequest(String login, String password) {

    @Override
    public String toString() {
        return "LoginRequest[login=" + login + "]";
    }
}
