package org.hostarea.notifications.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The templates of every bundle, found by the extender pattern: a bundle that carries the manifest
 * header {@code Hostarea-Templates: <folder>} contributes {@code <folder>/<key>/<language>.subject},
 * {@code .text} and optionally {@code .html} (Mustache, logic-less: values are inserted as text, never
 * evaluated, and HTML-escaped in the HTML part). When the bundle goes, its templates go with it.
 */
@Component(service = TemplateRegistry.class, immediate = true)
public class TemplateRegistry {

    static final String HEADER = "Hostarea-Templates";
    static final String FALLBACK_LANGUAGE = "en";
    private static final Logger LOG = LoggerFactory.getLogger(TemplateRegistry.class);
    private static final Pattern ENTRY = Pattern.compile(".*/([a-z0-9][a-z0-9.-]*)/([a-z]{2})\\.(subject|text|html)$");

    private final Map<String, TemplateSet> templates = new ConcurrentHashMap<>();
    private final Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).nullValue("");
    private final Mustache.Compiler escaping = Mustache.compiler().escapeHTML(true).nullValue("");
    private final BundleTracker<List<String>> tracker;

    @Activate
    public TemplateRegistry(BundleContext context) {
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public List<String> addingBundle(Bundle bundle, BundleEvent event) {
                String folder = bundle.getHeaders().get(HEADER);
                return folder == null ? null : load(bundle, folder.strip());
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, List<String> keys) {
                // templates are read once per bundle start
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, List<String> keys) {
                keys.forEach(templates::remove);
            }
        });
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    /** The templates of a key in a language, else in English. */
    Optional<TemplateSet> find(String key, String language) {
        TemplateSet exact = templates.get(id(key, language));
        return exact != null ? Optional.of(exact) : Optional.ofNullable(templates.get(id(key, FALLBACK_LANGUAGE)));
    }

    private List<String> load(Bundle bundle, String folder) {
        Map<String, Map<String, String>> parts = new HashMap<>();
        Enumeration<URL> entries = bundle.findEntries(folder, "*.*", true);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            Matcher m = ENTRY.matcher(url.getPath());
            if (m.matches()) {
                parts.computeIfAbsent(id(m.group(1), m.group(2)), k -> new HashMap<>()).put(m.group(3), read(url));
            }
        }
        List<String> loaded = new ArrayList<>();
        parts.forEach((id, files) -> {
            String[] keyAndLanguage = id.split("/");
            if (files.get("subject") == null || files.get("text") == null) {
                LOG.error("{}: template {} lacks a .subject or .text part; ignored", bundle.getSymbolicName(), id);
                return;
            }
            try {
                TemplateSet set = new TemplateSet(keyAndLanguage[0], keyAndLanguage[1], plain.compile(files.get("subject")),
                        plain.compile(files.get("text")), files.get("html") == null ? null : escaping.compile(files.get("html")),
                        bundle.getBundleId());
                if (templates.putIfAbsent(id, set) != null) {
                    LOG.error("{}: template {} is already contributed by another bundle; ignored", bundle.getSymbolicName(), id);
                } else {
                    loaded.add(id);
                }
            } catch (MustacheException e) {
                LOG.error("{}: template {} does not compile: {}", bundle.getSymbolicName(), id, e.getMessage());
            }
        });
        LOG.info("{}: {} templates loaded", bundle.getSymbolicName(), loaded.size());
        return loaded;
    }

    private static String id(String key, String language) {
        return key + "/" + language;
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read template " + url, e);
        }
    }
}
