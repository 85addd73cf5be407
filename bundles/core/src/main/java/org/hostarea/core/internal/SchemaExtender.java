package org.hostarea.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.hostarea.core.schema.MigrationScript;
import org.hostarea.core.schema.SchemaMigrationException;
import org.hostarea.core.schema.SchemaMigrations;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the schema of every bundle that carries the manifest header {@code Hostarea-Schema: <name>}, from the
 * scripts in {@code db/<name>/<database>/} of that bundle (database: {@code derby} or {@code postgresql}), as the
 * bundle starts. Only then is the database offered to the bundle's persistence unit: a data source service named
 * {@code hostarea-<name>} ({@code <jta-data-source>} of its persistence.xml), so no service of the bundle can
 * touch a schema that is not at its version. A failed migration is logged, leaves the schema at the last version
 * that applied whole, and stops the bundle until the next start of Karaf (or {@code bundle:start}).
 */
@Component(service = SchemaExtender.class, immediate = true)
public class SchemaExtender {

    static final String HEADER = "Hostarea-Schema";
    /** The property the persistence units select their migrated data source by. */
    static final String NAME_PROPERTY = "osgi.jndi.service.name";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);

    private final BundleContext context;
    private final DataSource dataSource;
    private final Map<String, String> failed = new ConcurrentHashMap<>();
    private final BundleTracker<ServiceRegistration<DataSource>> tracker;

    @Activate
    public SchemaExtender(BundleContext context, @Reference(target = "(" + NAME_PROPERTY + "=hostarea)") DataSource dataSource) {
        this.context = context;
        this.dataSource = dataSource;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public ServiceRegistration<DataSource> addingBundle(Bundle bundle, BundleEvent event) {
                String name = bundle.getHeaders().get(HEADER);
                return name == null ? null : migrate(bundle, name.strip());
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<DataSource> registration) {
                // migrated once per start of the bundle
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<DataSource> registration) {
                unregister(registration);
            }
        });
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    /** The schemas whose migration failed since they last started, with the reason. */
    Map<String, String> failed() {
        return Collections.unmodifiableMap(failed);
    }

    private ServiceRegistration<DataSource> migrate(Bundle bundle, String schema) {
        try {
            SchemaMigrations.Outcome outcome = SchemaMigrations.migrate(dataSource, schema, database -> scripts(bundle, schema, database));
            failed.remove(schema);
            if (outcome.applied() > 0) {
                LOG.info("{}: schema {} migrated on {} from version {} to {} ({} scripts)", bundle.getSymbolicName(), schema,
                        outcome.database(), outcome.from() == null ? "none" : outcome.from(), outcome.to(), outcome.applied());
            } else {
                LOG.info("{}: schema {} is at version {} on {}", bundle.getSymbolicName(), schema, outcome.to(), outcome.database());
            }
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(NAME_PROPERTY, "hostarea-" + schema);
            properties.put("hostarea.schema", schema);
            properties.put("hostarea.schema.version", String.valueOf(outcome.to()));
            return context.registerService(DataSource.class, dataSource, properties);
        } catch (SchemaMigrationException | IllegalArgumentException e) {
            failed.put(schema, e.getMessage());
            LOG.error("{}: SCHEMA MIGRATION FAILED, the bundle is stopped until the next start; the schema stays at its last "
                    + "complete version. {}", bundle.getSymbolicName(), e.getMessage(), e);
            stopLater(bundle);
            return null;
        }
    }

    private static List<MigrationScript> scripts(Bundle bundle, String schema, String database) {
        List<MigrationScript> scripts = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries("db/" + schema + "/" + database, "*.sql", false);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath();
            scripts.add(new MigrationScript(path.substring(path.lastIndexOf('/') + 1), read(url)));
        }
        return scripts;
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SchemaMigrationException("cannot read " + url, e);
        }
    }

    /** A bundle cannot be stopped from within its own start: the stop runs on a thread of its own. */
    private static void stopLater(Bundle bundle) {
        Thread stopper = new Thread(() -> {
            try {
                bundle.stop(Bundle.STOP_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("{}: could not be stopped after its failed migration: {}", bundle.getSymbolicName(), e.toString());
            }
        }, "hostarea-schema-stop-" + bundle.getBundleId());
        stopper.setDaemon(true);
        stopper.start();
    }

    private static void unregister(ServiceRegistration<DataSource> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // unregistered with the extender itself
        }
    }
}
